import fs from "fs"
import path from "path"
import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUsersWorkflow } from "@medusajs/medusa/core-flows"

/** Medusa's built-in role: one wildcard policy, every resource and operation. */
export const SUPER_ADMIN_ROLE = "role_super_admin"
export const FIXTURE_STORE_RBAC = path.resolve(__dirname, "../fixtures/store-rbac")
const PASSWORD = "stockroom-test-password"

/**
 * Creates a user holding `roles` (as `medusa user` does for a super admin,
 * through Medusa's createUsersWorkflow) and logs in; the token carries the
 * roles, which is what Medusa checks a route's policies against.
 */
export async function createUserWithRoles(
  api: any,
  container: MedusaContainer,
  email: string,
  roles: string[]
): Promise<{ headers: Record<string, string>; userId: string }> {
  const {
    result: [user],
  } = await createUsersWorkflow(container).run({ input: { users: [{ email, roles }] } as any })
  const authModule = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email, password: PASSWORD },
  } as any)
  if (error || !authIdentity) {
    throw new Error(`Could not register ${email}: ${error}`)
  }
  await authModule.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  const { data } = await api.post("/auth/user/emailpass", { email, password: PASSWORD })
  return { headers: { authorization: `Bearer ${data.token}` }, userId: user.id }
}

export type RbacPolicy = { id: string; resource: string; operation: string }

/** Every policy Medusa has synced (its own and Stockroom's), through its RBAC routes. */
export async function listPolicies(api: any, headers: Record<string, string>) {
  const { data } = await api.get("/admin/rbac/policies?limit=1000&fields=id,resource,operation", {
    headers,
  })
  return data.policies as RbacPolicy[]
}

/** Creates a role through Medusa's RBAC route with the policies `pick` selects. */
export async function createRole(
  api: any,
  headers: Record<string, string>,
  name: string,
  policies: RbacPolicy[],
  pick: (policy: RbacPolicy) => boolean
): Promise<string> {
  const policy_ids = policies.filter(pick).map((policy) => policy.id)
  const { data } = await api.post("/admin/rbac/roles", { name, policy_ids }, { headers })
  return data.role.id
}

export const isStockroomPolicy = (policy: { resource: string }) =>
  policy.resource.startsWith("stockroom_")

export type AdminRoute = { method: string; path: string; file: string }

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]

/**
 * Every admin route the plugin serves, read from src/api/admin/**\/route.ts:
 * its URL (each `[param]` filled with `paramValue`) and its exported HTTP
 * methods. A route added later is picked up without editing any list.
 */
export function discoverAdminRoutes(paramValue = "sr_missing"): AdminRoute[] {
  const root = path.resolve(__dirname, "../../src/api")
  const routes: AdminRoute[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8")
        const url =
          "/" +
          path
            .relative(root, dir)
            .split(path.sep)
            .map((segment) => (/^\[.+\]$/.test(segment) ? paramValue : segment))
            .join("/")
        for (const method of HTTP_METHODS) {
          const exported = new RegExp(
            `export\\s+(const|async\\s+function|function)\\s+${method}\\b`
          )
          if (exported.test(source)) {
            routes.push({ method, path: url, file: path.relative(root, full) })
          }
        }
      }
    }
  }
  walk(path.join(root, "admin"))
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`))
}
