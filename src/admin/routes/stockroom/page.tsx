import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArchiveBox } from "@medusajs/icons"
import { toast } from "@medusajs/ui"
import { AuditCard } from "../../components/audit-card"
import { StockroomOptionsCard } from "../../components/stockroom-options"
import { NotificationsCard } from "../../components/notifications-card"
import { useNotificationStatus } from "../../hooks/demand"
import { useAuditResult, useRunAudit, useStockroomInfo } from "../../hooks/stockroom"

/** Stockroom settings: the effective options and the ledger audit. */
const StockroomPage = () => {
  const info = useStockroomInfo()
  const audit = useAuditResult()
  const runAudit = useRunAudit()
  const notifications = useNotificationStatus()

  const onRun = () =>
    runAudit.mutate(undefined, {
      onSuccess: (result) =>
        result.ok
          ? toast.success("Audit passed", { description: "The ledger matches the stock levels." })
          : toast.warning("Audit found problems", {
              description: `${result.problems.length} problem(s); see the list below.`,
            }),
      onError: (error) => toast.error("Audit failed to run", { description: error.message }),
    })

  return (
    <div className="flex flex-col gap-y-3">
      <StockroomOptionsCard
        options={info.data?.options}
        version={info.data?.version}
        isLoading={info.isLoading}
        error={info.error ? info.error.message : null}
        onRetry={() => void info.refetch()}
      />
      <NotificationsCard
        status={notifications.data}
        isLoading={notifications.isLoading}
        error={notifications.error ? notifications.error.message : null}
        onRetry={() => void notifications.refetch()}
      />
      <AuditCard
        result={audit.data ?? null}
        isRunning={runAudit.isPending}
        error={runAudit.error ? runAudit.error.message : null}
        onRun={onRun}
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Stockroom",
  nested: "/inventory",
  icon: ArchiveBox,
})

export default StockroomPage
