import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArchiveBox } from "@medusajs/icons"
import { toast } from "@medusajs/ui"
import { AccessGate } from "../../components/access-gate"
import { AuditCard } from "../../components/audit-card"
import { NotificationsCard } from "../../components/notifications-card"
import { StockroomOptionsCard } from "../../components/stockroom-options"
import { useNotificationStatus } from "../../hooks/demand"
import { useAuditResult, useRunAudit, useStockroomInfo } from "../../hooks/stockroom"

const Options = () => {
  const info = useStockroomInfo()
  return (
    <StockroomOptionsCard
      options={info.data?.options}
      version={info.data?.version}
      isLoading={info.isLoading}
      error={info.error ? info.error.message : null}
      onRetry={() => void info.refetch()}
    />
  )
}

const Notifications = () => {
  const notifications = useNotificationStatus()
  return (
    <NotificationsCard
      status={notifications.data}
      isLoading={notifications.isLoading}
      error={notifications.error ? notifications.error.message : null}
      onRetry={() => void notifications.refetch()}
    />
  )
}

const Audit = () => {
  const audit = useAuditResult()
  const runAudit = useRunAudit()
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
    <AuditCard
      result={audit.data ?? null}
      isRunning={runAudit.isPending}
      error={runAudit.error ? runAudit.error.message : null}
      onRun={onRun}
    />
  )
}

/** Stockroom settings: the effective options and the ledger audit, each for those who may see it. */
const StockroomPage = () => (
  <div className="flex flex-col gap-y-3">
    <AccessGate
      action="viewSettings"
      title="Stockroom"
      description="You don't have permission to view Stockroom's settings."
    >
      <Options />
    </AccessGate>
    <AccessGate
      action="viewNotifications"
      title="Back-in-stock emails"
      description="You don't have permission to view back-in-stock notifications."
      level="h2"
    >
      <Notifications />
    </AccessGate>
    <AccessGate
      action="runAudit"
      title="Ledger audit"
      description="You don't have permission to audit the ledger."
      level="h2"
    >
      <Audit />
    </AccessGate>
  </div>
)

export const config = defineRouteConfig({
  label: "Stockroom",
  nested: "/inventory",
  icon: ArchiveBox,
})

export default StockroomPage
