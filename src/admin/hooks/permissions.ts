import { useQuery } from "@tanstack/react-query"
import { useMemo } from "react"
import { missingPermissions, type PermissionState, type StockroomAction } from "../lib/permissions"
import { dashboardQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

const FIVE_MINUTES = 5 * 60 * 1000

/**
 * What the signed-in user may do in Stockroom, learned as Medusa's dashboard
 * learns it (and from the same cache): the `rbac` feature flag from
 * `GET /admin/feature-flags`, then, with the flag on, the user's permissions
 * from `GET /admin/rbac/me/permissions`.
 *
 * - flag off: every action is allowed, as before RBAC;
 * - flag on: an action is allowed when the user holds every policy its route
 *   declares (super admins hold them all);
 * - while either answer is on its way nothing is offered (`isLoading`), so a
 *   reader never sees a button flash;
 * - if either request fails, the dashboard offers what it offered before RBAC:
 *   hiding is a courtesy, the routes still refuse with 403.
 */
export function usePermissions() {
  const flags = useQuery({
    queryKey: dashboardQueryKeys.featureFlags,
    queryFn: async () =>
      (
        await sdk.client.fetch<{ feature_flags: Record<string, boolean | undefined> }>(
          "/admin/feature-flags"
        )
      ).feature_flags,
    staleTime: FIVE_MINUTES,
  })
  const rbacEnabled = flags.data?.rbac === true
  const mine = useQuery({
    queryKey: dashboardQueryKeys.mePermissions,
    queryFn: () => sdk.client.fetch<{ permissions: string[] }>("/admin/rbac/me/permissions"),
    enabled: rbacEnabled,
    staleTime: FIVE_MINUTES,
  })
  const isLoading = flags.isLoading || (rbacEnabled && mine.isLoading)
  const permissions = mine.data?.permissions

  return useMemo(() => {
    const state: PermissionState = {
      rbacEnabled: rbacEnabled && !mine.isError,
      permissions: permissions ?? [],
    }
    /** The policies `action` needs that the user lacks (none with RBAC off). */
    const missing = (action: StockroomAction) => missingPermissions(state, action)
    return {
      isLoading,
      rbacEnabled: state.rbacEnabled,
      missing,
      can: (action: StockroomAction) => !isLoading && missing(action).length === 0,
    }
  }, [isLoading, rbacEnabled, mine.isError, permissions])
}

export type Permissions = ReturnType<typeof usePermissions>
