import type { MiddlewareRoute, MiddlewareVerb } from "@medusajs/framework/http"
import type { PolicyOperationName } from "../../lib/access-control"

export type RoutePolicy = { resource: string; operation: PolicyOperationName }

/** One policy a route needs: `needs(StockroomResource.stock_item, "read")`. */
export const needs = (resource: string, operation: PolicyOperationName): RoutePolicy => ({
  resource,
  operation,
})

/**
 * A middleware entry that only declares the policies a route needs, for a
 * route with no validator to attach them to. With Medusa's `rbac` flag off
 * Medusa ignores `policies`; with it on, a caller whose roles lack any of
 * them gets 403 before the handler runs.
 */
export const requirePolicies = (
  methods: MiddlewareVerb[],
  matcher: string,
  policies: RoutePolicy[]
): MiddlewareRoute => ({ methods, matcher, policies })
