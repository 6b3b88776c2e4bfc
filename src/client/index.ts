import type { z } from "@medusajs/framework/zod"
import { stockroomRoutes, type StockroomOperations } from "./operations"

/**
 * A typed client for Stockroom's admin and store routes over a Medusa JS SDK
 * instance: one function per operation of openapi.json, named by its
 * operation id, whose request and response types are those of the zod
 * schemas the route validates with and answers.
 *
 *   const stockroom = createStockroomClient(sdk)
 *   const { variants } = await stockroom.storeGetStockAvailability({
 *     query: { variant_id: [variantId] },
 *   })
 */

type Operation = StockroomOperations[number]
export type StockroomOperationId = Operation["id"]
type OperationOf<Id extends StockroomOperationId> = Extract<Operation, { id: Id }>

/** `/admin/stock-items/{id}` → `{ id: string }` */
type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name]: string } & PathParams<Rest>
  : {}

type QueryOf<Op> = Op extends { query: infer Q extends z.ZodType } ? { query?: z.input<Q> } : {}
type BodyOf<Op> = Op extends { body: infer B extends z.ZodType }
  ? {} extends z.input<B>
    ? { body?: z.input<B> }
    : { body: z.input<B> }
  : {}

/** What an operation takes: its path parameters, `query`, `body` and extra `headers`. */
export type StockroomRequest<Id extends StockroomOperationId> = PathParams<
  OperationOf<Id>["path"]
> &
  QueryOf<OperationOf<Id>> &
  BodyOf<OperationOf<Id>> & { headers?: Record<string, string> }

/** What an operation answers. */
export type StockroomResponse<Id extends StockroomOperationId> = z.output<
  OperationOf<Id>["response"]
>

type OperationFunction<Id extends StockroomOperationId> = {} extends StockroomRequest<Id>
  ? (request?: StockroomRequest<Id>) => Promise<StockroomResponse<Id>>
  : (request: StockroomRequest<Id>) => Promise<StockroomResponse<Id>>

export type StockroomClient = { [Id in StockroomOperationId]: OperationFunction<Id> }

/** The part of a Medusa JS SDK instance the client uses: `sdk.client.fetch`. */
export type SdkLike = {
  client: { fetch<T>(input: string, init?: Record<string, unknown>): Promise<T> }
}

type Route = { method: string; path: string; accept?: string }

/** Every operation's method and path, by operation id (as in openapi.json). */
export const stockroomOperations: Readonly<Record<StockroomOperationId, Route>> = stockroomRoutes

function fillPath(id: string, path: string, request: Record<string, unknown>) {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = request[name]
    if (typeof value !== "string" || !value) {
      throw new Error(`${id} needs ${name}`)
    }
    return encodeURIComponent(value)
  })
}

export function createStockroomClient(sdk: SdkLike): StockroomClient {
  const client: Record<string, (request?: Record<string, any>) => Promise<unknown>> = {}
  for (const [id, route] of Object.entries<Route>(stockroomRoutes)) {
    client[id] = async (request = {}) => {
      const url = fillPath(id, route.path, request)
      const headers = route.accept
        ? { accept: route.accept, ...request.headers }
        : request.headers
      const answer = await sdk.client.fetch<unknown>(url, {
        method: route.method,
        ...(request.query !== undefined ? { query: request.query } : {}),
        ...(request.body !== undefined ? { body: request.body } : {}),
        ...(headers ? { headers } : {}),
      })
      // Asked for something other than JSON, the SDK hands back the Response.
      return route.accept ? (answer as { text(): Promise<string> }).text() : answer
    }
  }
  return client as unknown as StockroomClient
}
