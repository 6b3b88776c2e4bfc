import Medusa from "@medusajs/js-sdk"
import document from "../../../openapi.json"
import { createStockroomClient, stockroomOperations, type SdkLike } from ".."

/** A stand-in for `sdk.client.fetch` that records each call and answers `answer`. */
function recordingSdk(answer: unknown = {}) {
  const calls: { url: string; init: any }[] = []
  const sdk: SdkLike = {
    client: {
      fetch: async <T>(url: string, init?: any) => {
        calls.push({ url, init })
        return answer as T
      },
    },
  }
  return { sdk, calls }
}

describe("medusa-plugin-stockroom/client", () => {
  it("has one function per operation of openapi.json, with its method and path", () => {
    const documented = Object.entries<any>(document.paths).flatMap(([path, methods]) =>
      Object.entries<any>(methods).map(([method, operation]) => ({
        id: operation.operationId,
        method: method.toUpperCase(),
        path,
      }))
    )
    const client = createStockroomClient(recordingSdk().sdk)
    expect(Object.keys(client).sort()).toEqual(documented.map(({ id }) => id).sort())
    for (const { id, method, path } of documented) {
      expect({ id, ...stockroomOperations[id] }).toMatchObject({ id, method, path })
    }
  })

  it("fills path parameters, passes query, body and headers to sdk.client.fetch", async () => {
    const { sdk, calls } = recordingSdk({ stock_item: { id: "sitem/1" } })
    const stockroom = createStockroomClient(sdk)

    const answer = await stockroom.adminUpdateStockItem({
      id: "sitem/1",
      body: { backorderable: true },
    })
    await stockroom.storeGetStockAvailability({
      query: { variant_id: ["variant_1", "variant_2"] },
      headers: { "x-publishable-api-key": "pk_1" },
    })
    await stockroom.adminListStockItems()

    expect(answer).toEqual({ stock_item: { id: "sitem/1" } })
    expect(calls).toEqual([
      {
        url: "/admin/stock-items/sitem%2F1",
        init: { method: "POST", body: { backorderable: true } },
      },
      {
        url: "/store/stock-availability",
        init: {
          method: "GET",
          query: { variant_id: ["variant_1", "variant_2"] },
          headers: { "x-publishable-api-key": "pk_1" },
        },
      },
      { url: "/admin/stock-items", init: { method: "GET" } },
    ])
  })

  it("refuses a call missing a path parameter instead of requesting a wrong URL", async () => {
    const { sdk, calls } = recordingSdk()
    const stockroom = createStockroomClient(sdk)
    await expect((stockroom.storeListOrderBackorders as any)({})).rejects.toThrow(
      "storeListOrderBackorders needs id"
    )
    expect(calls).toEqual([])
  })

  describe("over a real Medusa JS SDK", () => {
    const realFetch = globalThis.fetch
    let requests: { url: string; method: string; body: unknown; headers: Headers }[]

    beforeEach(() => {
      requests = []
      globalThis.fetch = (async (input: any, init: any) => {
        requests.push({
          url: String(input),
          method: init.method,
          body: init.body,
          headers: new Headers(init.headers),
        })
        const csv = new Headers(init.headers).get("accept") === "text/csv"
        return new Response(csv ? "id,kind\nsm_1,received\n" : JSON.stringify({ ok: true }), {
          status: 200,
          headers: { "content-type": csv ? "text/csv" : "application/json" },
        })
      }) as typeof fetch
    })
    afterEach(() => {
      globalThis.fetch = realFetch
    })

    it("sends the query string, the JSON body and the publishable key, and reads CSV as text", async () => {
      const sdk = new Medusa({ baseUrl: "http://store.test", publishableKey: "pk_test" })
      const stockroom = createStockroomClient(sdk)

      expect(
        await stockroom.storeGetStockAvailability({ query: { variant_id: ["v_1"], product_id: "p_1" } })
      ).toEqual({ ok: true })
      await stockroom.storeCreateStockSubscription({ body: { variant_id: "v_1", email: "a@b.test" } })
      const csv = await stockroom.adminExportStockMovements({ query: { kind: "received" } })

      expect(csv).toBe("id,kind\nsm_1,received\n")
      const availability = new URL(requests[0].url)
      expect(availability.pathname).toBe("/store/stock-availability")
      expect(availability.searchParams.getAll("variant_id[0]")).toEqual(["v_1"])
      expect(availability.searchParams.get("product_id")).toBe("p_1")
      expect(requests[0].headers.get("x-publishable-api-key")).toBe("pk_test")
      expect(requests[1]).toMatchObject({
        url: "http://store.test/store/stock-subscriptions",
        method: "POST",
        body: JSON.stringify({ variant_id: "v_1", email: "a@b.test" }),
      })
      expect(new URL(requests[2].url).pathname).toBe("/admin/stock-movements/export")
      expect(requests[2].headers.get("accept")).toBe("text/csv")
    })
  })
})
