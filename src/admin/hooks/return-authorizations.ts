import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  backordersQueryKeys,
  dashboardQueryKeys,
  inventoryUnitsQueryKeys,
  labelsQueryKeys,
  returnAuthorizationsQueryKeys,
  stockItemsQueryKeys,
  stockMovementsQueryKeys,
} from "../lib/query-keys"
import { sdk, stockroom } from "../lib/sdk"
import type {
  CreateReturnAuthorizationBody,
  ReturnAuthorizationsResponse,
  ReturnReasonOption,
} from "../lib/types"

/** One order's return authorizations, oldest first. */
export const useOrderReturnAuthorizations = (orderId: string) =>
  useQuery({
    queryKey: returnAuthorizationsQueryKeys.list({ order_id: orderId }),
    queryFn: () =>
      stockroom.adminListReturnAuthorizations({
        query: { order_id: orderId, order: "created_at", limit: 100 },
      }) as Promise<ReturnAuthorizationsResponse>,
  })

/**
 * Medusa's return reasons an authorization can carry: the ones without
 * nested reasons (Medusa refuses a parent reason on a return).
 */
export const useReturnReasons = () =>
  useQuery({
    queryKey: labelsQueryKeys.returnReasons,
    queryFn: () =>
      sdk.client.fetch<{
        return_reasons: { id: string; label: string; return_reason_children?: unknown[] }[]
      }>("/admin/return-reasons", {
        query: { fields: "id,label,*return_reason_children", limit: 200 },
      }),
    select: (data): ReturnReasonOption[] =>
      data.return_reasons
        .filter((reason) => !reason.return_reason_children?.length)
        .map((reason) => ({ id: reason.id, label: reason.label })),
    staleTime: 60_000,
  })

/**
 * After any change to an authorization: its lists, the units and stock it
 * moved, and Medusa's own order and return views on the same page.
 */
const useInvalidateAfterReturn = () => {
  const queryClient = useQueryClient()
  return () => {
    for (const queryKey of [
      returnAuthorizationsQueryKeys.all,
      inventoryUnitsQueryKeys.all,
      stockItemsQueryKeys.all,
      stockMovementsQueryKeys.all,
      backordersQueryKeys.all,
      dashboardQueryKeys.orders,
      dashboardQueryKeys.returns,
    ]) {
      queryClient.invalidateQueries({ queryKey })
    }
  }
}

export const useCreateReturnAuthorization = () => {
  const invalidate = useInvalidateAfterReturn()
  return useMutation({
    mutationFn: (body: CreateReturnAuthorizationBody) =>
      stockroom.adminCreateReturnAuthorization({ body }),
    onSuccess: invalidate,
  })
}

export const useReceiveReturnAuthorization = () => {
  const invalidate = useInvalidateAfterReturn()
  return useMutation({
    mutationFn: (id: string) =>
      stockroom.adminReceiveReturnAuthorization({ id, body: {} }),
    onSuccess: invalidate,
  })
}

export const useCancelReturnAuthorization = () => {
  const invalidate = useInvalidateAfterReturn()
  return useMutation({
    mutationFn: (id: string) =>
      stockroom.adminCancelReturnAuthorization({ id, body: {} }),
    onSuccess: invalidate,
  })
}
