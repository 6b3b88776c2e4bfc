import { z } from "@medusajs/framework/zod"
import type { StockroomOperation } from "./define"
import { ErrorResponse } from "./schemas"

type JsonSchema = Record<string, any>

/**
 * JSON Schema of a zod schema. Requests are described as a caller writes
 * them (before coercion and defaults), responses as the route sends them.
 */
function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    // Transforms and coerced dates have no JSON form of their own: describe them by their input.
    unrepresentable: "any",
  }) as JsonSchema
  delete json.$schema
  return json
}

/** `{id}` segments of an OpenAPI path. */
export function pathParamsOf(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1])
}

/** A query schema's properties as OpenAPI query parameters (deepObject for nested ones). */
function queryParameters(schema: z.ZodType) {
  const json = jsonSchemaOf(schema, "input")
  const required = new Set<string>(json.required ?? [])
  return Object.entries<JsonSchema>(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema: property,
    ...(property.type === "object" ? { style: "deepObject", explode: true } : {}),
    ...(property.description ? { description: property.description } : {}),
  }))
}

function operationObject(operation: StockroomOperation) {
  const isAdmin = operation.path.startsWith("/admin/")
  const contentType = operation.contentType ?? "application/json"
  const successBody = { content: { [contentType]: { schema: jsonSchemaOf(operation.response, "output") } } }
  const responses: Record<string, unknown> = {}
  for (const status of [operation.status ?? 200, ...(operation.alsoStatus ?? [])]) {
    responses[String(status)] = { description: operation.summary, ...successBody }
  }
  responses.default = { $ref: "#/components/responses/Error" }
  return {
    operationId: operation.id,
    tags: [isAdmin ? "Admin" : "Store"],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    security: isAdmin
      ? [{ bearer: [] }, { cookie: [] }]
      : [{ publishable_key: [] }],
    parameters: [
      ...pathParamsOf(operation.path).map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...(operation.query ? queryParameters(operation.query) : []),
    ],
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchemaOf(operation.body, "input") } },
          },
        }
      : {}),
    responses,
  }
}

/**
 * The OpenAPI 3.1 document of the given operations, in a stable order
 * (paths sorted, methods in GET, POST, DELETE order) so the shipped file
 * only changes when a route does.
 */
export function buildOpenApiDocument(
  operations: readonly StockroomOperation[],
  { version }: { version: string }
) {
  const seenIds = new Set<string>()
  const paths: Record<string, Record<string, unknown>> = {}
  const methodOrder = ["GET", "POST", "DELETE"]
  const sorted = [...operations].sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      methodOrder.indexOf(a.method) - methodOrder.indexOf(b.method)
  )
  for (const operation of sorted) {
    if (seenIds.has(operation.id)) {
      throw new Error(`Two operations are named ${operation.id}; operation ids must be unique`)
    }
    seenIds.add(operation.id)
    const method = operation.method.toLowerCase()
    paths[operation.path] ??= {}
    if (paths[operation.path][method]) {
      throw new Error(`${operation.method} ${operation.path} is declared twice`)
    }
    paths[operation.path][method] = operationObject(operation)
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Stockroom",
      version,
      description:
        "The admin and store routes medusa-plugin-stockroom adds to a Medusa store. " +
        "Generated from the zod schemas that validate each request (npm run openapi).",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    tags: [
      { name: "Admin", description: "Needs an authenticated admin user and the route's RBAC policies." },
      { name: "Store", description: "Needs a publishable API key, like every Medusa store route." },
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        cookie: { type: "apiKey", in: "cookie", name: "connect.sid" },
        publishable_key: { type: "apiKey", in: "header", name: "x-publishable-api-key" },
      },
      responses: {
        Error: {
          description: "Medusa's error body",
          content: { "application/json": { schema: jsonSchemaOf(ErrorResponse, "output") } },
        },
      },
    },
  }
}
