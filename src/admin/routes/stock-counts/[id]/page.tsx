import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { MovementsTable } from "../../../components/movements-table"
import { SectionError, SectionLoading } from "../../../components/section-states"
import { StockCountDifferences } from "../../../components/stock-count-differences"
import { StockCountSheet } from "../../../components/stock-count-sheet"
import { StockCountStateBadge } from "../../../components/stock-count-state-badge"
import { AccessGate } from "../../../components/access-gate"
import { useInventoryItemLabels, useUserLabels } from "../../../hooks/labels"
import { usePermissions } from "../../../hooks/permissions"
import { useStockCount, useStockCountAction } from "../../../hooks/stock-counts"
import { useStockLocations } from "../../../hooks/stock-locations"
import { useStockMovements } from "../../../hooks/stock-movements"
import { formatDateTime, signed } from "../../../lib/format"

/** One stock count: the count sheet, the differences it would book, and what applying booked. */
const StockCountPage = () => {
  const { id } = useParams()
  const stockCount = useStockCount(id!)
  const action = useStockCountAction(id!)
  const prompt = usePrompt()
  const permissions = usePermissions()
  const current = stockCount.data?.stock_count
  const items = current?.items ?? []
  const itemLabels = useInventoryItemLabels(items.map((item) => item.inventory_item_id))
  const movements = useStockMovements(
    { originator_type: "stock_count", originator_id: id!, limit: 100 },
    { enabled: current?.state === "applied" }
  )
  const userLabels = useUserLabels((movements.data?.stock_movements ?? []).map((movement) => movement.actor_id))
  const locations = useStockLocations()
  if (stockCount.isLoading) {
    return <Container><SectionLoading rows={6} /></Container>
  }
  if (stockCount.error || !current) {
    return <Container><SectionError message={stockCount.error?.message ?? "Not found"} onRetry={() => void stockCount.refetch()} /></Container>
  }
  const isOpen = current.state === "open"
  const labels = itemLabels.data ?? {}
  const locationName = (locations.data ?? []).find((location) => location.id === current.location_id)?.name ?? current.location_id
  const counted = items.filter((item) => item.counted !== null && item.counted !== undefined)
  const differing = counted.filter((item) => (item.difference ?? 0) !== 0)
  const net = differing.reduce((sum, item) => sum + (item.difference ?? 0), 0)

  const apply = async () => {
    const confirmed = await prompt({
      title: `Apply ${current.number}?`,
      description: differing.length
        ? `Books ${differing.length} cycle-count adjustment${differing.length > 1 ? "s" : ""} (net ${signed(net)} units) at ${locationName}. Uncounted items are left as they are. This cannot be undone.`
        : "No counted item differs from the stock on hand: nothing will be booked. The count is closed.",
      confirmText: "Apply count",
      cancelText: "Keep counting",
    })
    if (confirmed) {
      action.mutate(
        { action: "apply" },
        {
          onSuccess: () => toast.success(`${current.number} applied`),
          onError: (error) => toast.error("The count was not applied", { description: error.message }),
        }
      )
    }
  }
  const cancel = async () => {
    const confirmed = await prompt({
      title: `Cancel ${current.number}?`,
      description: "The counts recorded so far are dropped; stock stays as it is.",
      confirmText: "Cancel count",
      cancelText: "Keep it",
    })
    if (confirmed) {
      action.mutate(
        { action: "cancel" },
        {
          onSuccess: () => toast.success(`${current.number} canceled`),
          onError: (error) => toast.error("The count was not canceled", { description: error.message }),
        }
      )
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div className="flex items-center gap-x-3">
            <Heading>{current.number}</Heading>
            <StockCountStateBadge state={current.state} />
          </div>
          {isOpen && (
            <div className="flex gap-x-2">
              {permissions.can("cancelStockCount") && (
                <Button size="small" variant="secondary" onClick={cancel}>
                  Cancel count
                </Button>
              )}
              {permissions.can("applyStockCount") && (
                <Button size="small" onClick={apply} disabled={!counted.length} isLoading={action.isPending && action.variables?.action === "apply"}>
                  Apply
                </Button>
              )}
            </div>
          )}
        </div>
        <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
          <div>
            <Text size="small" className="text-ui-fg-subtle">Location</Text>
            <Text size="small">{locationName}</Text>
          </div>
          <div>
            <Text size="small" className="text-ui-fg-subtle">Opened</Text>
            <Text size="small">{formatDateTime(current.created_at)}</Text>
          </div>
          <div>
            <Text size="small" className="text-ui-fg-subtle">Counted</Text>
            <Text size="small" data-testid="stock-count-progress">{counted.length} of {items.length} items</Text>
          </div>
          <div>
            <Text size="small" className="text-ui-fg-subtle">
              {current.state === "canceled" ? "Canceled" : "Applied"}
            </Text>
            <Text size="small">
              {current.applied_at
                ? formatDateTime(current.applied_at)
                : current.canceled_at
                  ? formatDateTime(current.canceled_at)
                  : "—"}
            </Text>
          </div>
        </div>
      </Container>
      {isOpen && (
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Count sheet</Heading>
          </div>
          <StockCountSheet
            items={items}
            itemLabels={labels}
            editable={isOpen && permissions.can("recordStockCount")}
            isPending={action.isPending && action.variables?.action === "items"}
            onSave={(entries) =>
              action.mutate(
                { action: "items", body: { items: entries } },
                {
                  onSuccess: () => toast.success(`${entries.length} count${entries.length > 1 ? "s" : ""} recorded`),
                  onError: (error) => toast.error("Counts not recorded", { description: error.message }),
                }
              )
            }
          />
        </Container>
      )}
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h2">Differences</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Each count against the stock on hand when it was recorded, so sales and receipts during the count are not lost.
            </Text>
          </div>
          {counted.length > 0 && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="stock-count-net">
              {differing.length} differing · net {signed(net)}
            </Text>
          )}
        </div>
        <StockCountDifferences items={items} itemLabels={labels} />
      </Container>
      {current.state === "applied" && (
        <Container className="divide-y p-0" data-testid="stock-count-movements">
          <div className="flex items-center justify-between px-6 py-4">
            <Heading level="h2">Booked movements</Heading>
            <Link to="/stock-movements?originator_type=stock_count&reason_code=cycle_count" className="txt-compact-small-plus text-ui-fg-interactive">
              View in ledger
            </Link>
          </div>
          {movements.isLoading ? (
            <SectionLoading rows={2} />
          ) : (movements.data?.stock_movements ?? []).length ? (
            <MovementsTable
              showItem
              movements={movements.data!.stock_movements}
              itemLabels={labels}
              locationLabels={{ [current.location_id]: locationName }}
              userLabels={userLabels.data ?? {}}
            />
          ) : (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-muted">No counted item differed: nothing was booked.</Text>
            </div>
          )}
        </Container>
      )}
    </div>
  )
}

const StockCountRoute = () => (
  <AccessGate
    action="viewStockCounts"
    title="Stock count"
    description="You don't have permission to view stock counts."
  >
    <StockCountPage />
  </AccessGate>
)

export default StockCountRoute
