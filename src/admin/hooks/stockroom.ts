import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { stockroomQueryKeys } from "../lib/query-keys"
import { stockroom } from "../lib/sdk"
import type { AuditResponse } from "../lib/types"

export const useStockroomInfo = (options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: stockroomQueryKeys.info,
    queryFn: () => stockroom.adminGetStockroom(),
    ...options,
  })

/** The last audit run on this page; running one stores its result here. */
export const useAuditResult = () =>
  useQuery<AuditResponse | null>({
    queryKey: stockroomQueryKeys.audit,
    queryFn: () => null,
    staleTime: Infinity,
    gcTime: Infinity,
  })

export const useRunAudit = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => stockroom.adminAuditStockroom(),
    onSuccess: (result) => {
      queryClient.setQueryData(stockroomQueryKeys.audit, {
        ...result,
        ran_at: new Date().toISOString(),
      })
    },
  })
}
