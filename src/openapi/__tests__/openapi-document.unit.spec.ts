import fs from "fs"
import path from "path"
import { generatedFiles } from "../generate"

const root = path.resolve(__dirname, "../../..")
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

/** `src/api/admin/stock-items/[id]/route.ts` → `/admin/stock-items/{id}` */
function pathOfRouteFile(file: string) {
  return (
    "/" +
    path
      .dirname(path.relative(path.join(root, "src", "api"), file))
      .split(path.sep)
      .map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"))
      .join("/")
  )
}

/** Every `METHOD path` a route.ts under src/api exports, with its file. */
function routeOperations() {
  const found = new Map<string, string>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && entry.name !== "__tests__") {
        walk(full)
      } else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8")
        for (const method of HTTP_METHODS) {
          if (new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source)) {
            found.set(`${method} ${pathOfRouteFile(full)}`, path.relative(root, full))
          }
        }
      }
    }
  }
  walk(path.join(root, "src", "api"))
  return found
}

function documentOperations(document: any) {
  const found = new Set<string>()
  for (const [route, methods] of Object.entries<any>(document.paths)) {
    for (const method of Object.keys(methods)) {
      found.add(`${method.toUpperCase()} ${route}`)
    }
  }
  return found
}

describe("openapi.json", () => {
  const files = generatedFiles(root)
  const document = JSON.parse(files["openapi.json"])

  it("describes exactly the routes under src/api, method and path", () => {
    const routes = routeOperations()
    const documented = documentOperations(document)
    const problems: string[] = []
    for (const [operation, file] of routes) {
      if (!documented.has(operation)) {
        const [method, route] = operation.split(" ")
        problems.push(
          `${operation} (${file}) is not in openapi.json. In the openapi.ts next to the validators.ts ` +
            `that validates it (create one in its resource folder if there is none), add to \`operations\`:\n` +
            `  { id: "<camelCase id>", method: "${method}", path: "${route}", summary: "<what it does>",\n` +
            `    ${method === "GET" || method === "DELETE" ? "query" : "body"}: <its zod validator>, response: <zod schema of what it answers> },\n` +
            `then run \`npm run openapi\` and commit openapi.json and src/client/operations.ts.`
        )
      }
    }
    for (const operation of documented) {
      if (!routes.has(operation)) {
        problems.push(
          `${operation} is in openapi.json but no route.ts under src/api exports it: remove it from its openapi.ts, then run \`npm run openapi\`.`
        )
      }
    }
    expect(problems).toEqual([])
  })

  it("is current: the committed openapi.json and src/client/operations.ts are what npm run openapi writes", () => {
    for (const [file, content] of Object.entries(files)) {
      const committed = fs.readFileSync(path.join(root, file), "utf8")
      if (committed !== content) {
        throw new Error(`${file} is not current: run \`npm run openapi\` and commit it`)
      }
    }
  })

  it("is OpenAPI 3.1 with a response schema and an operation id on every operation", () => {
    expect(document.openapi).toBe("3.1.0")
    const ids = new Set<string>()
    for (const [route, methods] of Object.entries<any>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(methods)) {
        expect(`${method} ${route} ${typeof operation.operationId}`).toBe(`${method} ${route} string`)
        ids.add(operation.operationId)
        const success = Object.keys(operation.responses).filter((status) => /^2/.test(status))
        expect(success.length).toBeGreaterThan(0)
        for (const status of success) {
          const content = operation.responses[status].content
          expect(Object.values<any>(content)[0].schema).toBeDefined()
        }
        const pathParams = [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
        const declared = operation.parameters
          .filter((p: any) => p.in === "path")
          .map((p: any) => p.name)
        expect(declared).toEqual(pathParams)
      }
    }
    expect(ids.size).toBe(documentOperations(document).size)
  })

  it("describes requests from the zod validators: a strict body refuses unknown keys, a query lists its filters", () => {
    const create = document.paths["/admin/stock-movements"].post
    const body = create.requestBody.content["application/json"].schema
    expect(body.additionalProperties).toBe(false)
    expect(body.required).toEqual(["quantity"])
    const list = document.paths["/admin/stock-items"].get
    expect(list.parameters.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(["offset", "limit", "order", "fields", "location_id", "low_stock", "q"])
    )
  })
})
