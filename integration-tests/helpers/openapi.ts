import Ajv2020, { type ValidateFunction } from "ajv/dist/2020"
import document from "../../openapi.json"

/**
 * Every response a Stockroom route gives an HTTP spec is checked against
 * openapi.json, so the document cannot drift from what the routes answer.
 * Responses of Medusa's own routes are left alone.
 */

type DocumentedRoute = { template: string; pattern: RegExp; methods: Record<string, any> }

const ajv = new Ajv2020({ strict: false, allErrors: true })
const validators = new Map<string, ValidateFunction>()

/** Literal routes before templated ones: `/stock-movements/export` is not `/stock-movements/{id}`. */
const routes: DocumentedRoute[] = Object.entries<Record<string, any>>(document.paths)
  .map(([template, methods]) => ({
    template,
    methods,
    pattern: new RegExp(
      "^" + template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+") + "/?$"
    ),
  }))
  .sort(
    (a, b) =>
      (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0)
  )

function validatorFor(key: string, schema: object) {
  let validate = validators.get(key)
  if (!validate) {
    validate = ajv.compile(schema)
    validators.set(key, validate)
  }
  return validate
}

export type ObservedResponse = {
  method: string
  url: string
  status: number
  data: unknown
  headers?: Record<string, unknown>
}

/**
 * The ways a response breaks the document, or null when it matches (or is
 * not a Stockroom route's).
 */
export function openApiMismatch(response: ObservedResponse): string | null {
  const pathname = new URL(response.url, "http://store.test").pathname
  const route = routes.find(({ pattern }) => pattern.test(pathname))
  const operation = route?.methods[response.method.toLowerCase()]
  if (!route || !operation) {
    return null
  }
  const where = `${response.method.toUpperCase()} ${pathname} (${operation.operationId}) answered ${response.status}`
  const fix =
    "Make the response schema in the route's openapi.ts describe what the route answers " +
    "(or fix the route), then run `npm run openapi`."
  if (response.status >= 200 && response.status < 300) {
    const documented = operation.responses[String(response.status)]
    if (!documented) {
      return `${where}, a status openapi.json does not list for it (${Object.keys(operation.responses).join(", ")}). ${fix}`
    }
    const [[contentType, { schema }]] = Object.entries<any>(documented.content)
    if (contentType !== "application/json") {
      return typeof response.data === "string"
        ? null
        : `${where} with a ${typeof response.data} body where openapi.json says ${contentType}. ${fix}`
    }
    const validate = validatorFor(`${operation.operationId} ${response.status}`, schema)
    if (validate(response.data)) {
      return null
    }
    return `${where} with a body that does not match openapi.json:\n${ajv.errorsText(validate.errors, {
      separator: "\n",
    })}\n${fix}`
  }
  const validate = validatorFor(
    "error",
    document.components.responses.Error.content["application/json"].schema
  )
  // A spec that asked for text (the CSV export) gets the error body unparsed.
  let body = response.data
  if (typeof body === "string") {
    try {
      body = JSON.parse(body)
    } catch {
      // not JSON: reported below
    }
  }
  if (validate(body)) {
    return null
  }
  return `${where} with an error body that is not Medusa's {type, message}:\n${ajv.errorsText(validate.errors)}`
}

function check(response: any) {
  if (!response?.config) {
    return
  }
  const mismatch = openApiMismatch({
    method: response.config.method ?? "get",
    url: response.config.url ?? "",
    status: response.status,
    data: response.data,
  })
  if (mismatch) {
    throw new Error(mismatch)
  }
}

const REQUEST_METHODS = new Set(["get", "post", "put", "patch", "delete", "request"])

/**
 * The spec's axios client, with every response checked against openapi.json:
 * a mismatch fails the request with a message naming the operation and the
 * schema errors, whether the request succeeded or was refused.
 */
export function validatingApi<T extends object>(api: T): T {
  return new Proxy(api, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver)
      if (typeof property !== "string" || !REQUEST_METHODS.has(property) || typeof value !== "function") {
        return value
      }
      return async (...args: unknown[]) => {
        let response: any
        try {
          response = await value.apply(target, args)
        } catch (err: any) {
          check(err?.response)
          throw err
        }
        check(response)
        return response
      }
    },
  })
}
