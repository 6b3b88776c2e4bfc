import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export const ADMIN_EMAIL = "admin@stockroom.test"
export const ADMIN_PASSWORD = "stockroom-test-password"

/**
 * Creates an admin user with an email/password identity and logs in through
 * Medusa's own auth route. Returns the headers an admin request needs.
 */
export async function createAdminUser(
  api: any,
  container: MedusaContainer
): Promise<{ headers: Record<string, string>; userId: string }> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email: ADMIN_EMAIL })
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  } as any)
  if (error || !authIdentity) {
    throw new Error(`Could not register the test admin: ${error}`)
  }
  await authModule.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: user.id },
  })
  const { data } = await api.post("/auth/user/emailpass", {
    email: ADMIN_EMAIL,
    password: ADMIN_PASSWORD,
  })
  return {
    headers: { authorization: `Bearer ${data.token}` },
    userId: user.id,
  }
}

/**
 * Runs a request that is expected to fail and returns its response, so a
 * test can assert the status and the `{type, message}` body.
 */
export async function expectFailure(request: Promise<unknown>) {
  try {
    await request
  } catch (err: any) {
    if (err?.response) {
      return err.response as { status: number; data: any }
    }
    throw err
  }
  throw new Error("Expected the request to fail, but it succeeded")
}
