import fs from "fs"
import os from "os"
import path from "path"
import ts from "typescript"

/**
 * A storefront's view of the built package: a TypeScript file outside the
 * repository imports `medusa-plugin-stockroom/client`, resolved through
 * package.json `exports` the way node16 and bundler resolution do, and must
 * type-check — including a wrong call that only fails when the types are real
 * (typed as `any`, its `@ts-expect-error` would be unused and fail instead).
 */
const root = path.resolve(__dirname, "../../..")
const built = path.join(root, ".medusa", "server")

const consumer = `
import Medusa from "@medusajs/js-sdk"
import { createStockroomClient, type StockroomResponse } from "medusa-plugin-stockroom/client"

const sdk = new Medusa({ baseUrl: "http://localhost:9000", publishableKey: "pk_1" })
const stockroom = createStockroomClient(sdk)

export async function shelf(variantId: string) {
  const availability = await stockroom.storeGetStockAvailability({
    query: { variant_id: [variantId] },
  })
  const inStock: boolean | undefined = availability.variants[0]?.in_stock

  const item: StockroomResponse<"adminGetStockItem"> = await stockroom.adminGetStockItem({
    id: "sitem_1",
  })
  const backorderable: boolean = item.stock_item.backorderable

  // @ts-expect-error the stock item's id is required
  await stockroom.adminGetStockItem({})

  return { inStock, backorderable }
}
`

function typeCheck(moduleResolution: "node16" | "bundler") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `stockroom-consumer-${moduleResolution}-`))
  try {
    fs.mkdirSync(path.join(dir, "node_modules", "@medusajs"), { recursive: true })
    fs.symlinkSync(root, path.join(dir, "node_modules", "medusa-plugin-stockroom"), "dir")
    fs.symlinkSync(
      path.join(root, "node_modules", "@medusajs", "js-sdk"),
      path.join(dir, "node_modules", "@medusajs", "js-sdk"),
      "dir"
    )
    fs.writeFileSync(
      path.join(dir, "package.json"),
      // CommonJS: under node16, @medusajs/js-sdk's ESM types do not give an
      // ES module a constructable default export.
      JSON.stringify({ name: "storefront", private: true })
    )
    const file = path.join(dir, "storefront.ts")
    fs.writeFileSync(file, consumer)
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      esModuleInterop: true,
      types: [],
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      target: ts.ScriptTarget.ES2022,
      ...(moduleResolution === "node16"
        ? { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }
        : { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }),
    })
    return ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const whenBuilt = fs.existsSync(built) ? describe : describe.skip
if (!fs.existsSync(built)) {
  console.warn(
    "medusa-plugin-stockroom/client type declarations: skipped, .medusa/server is absent (run npm run build first)"
  )
}

whenBuilt("medusa-plugin-stockroom/client as a storefront imports it", () => {
  it.each(["node16", "bundler"] as const)(
    "is typed from its .d.ts files under %s resolution",
    (moduleResolution) => {
      expect(typeCheck(moduleResolution)).toEqual([])
    }
  )
})
