import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BellAlert } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AccessGate } from "../../components/access-gate"
import { ListPagination } from "../../components/list-pagination"
import { SectionEmpty, SectionError, SectionLoading } from "../../components/section-states"
import { useStockDemand } from "../../hooks/demand"
import { useUrlListState } from "../../hooks/url-list-state"

const PAGE_SIZE = 20

/**
 * What shoppers are waiting for: variants by back-in-stock subscribers
 * plus backordered units, the most wanted first, linked to their variant.
 */
const DemandPage = () => {
  const { pageIndex, goToPage } = useUrlListState()
  const demand = useStockDemand({ offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE })
  const rows = demand.data?.demand ?? []
  const count = demand.data?.count ?? 0

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading>Demand</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Variants shoppers are waiting for: back-in-stock subscribers plus units on backorder.
        </Text>
      </div>
      {demand.isLoading ? (
        <SectionLoading rows={6} />
      ) : demand.error ? (
        <SectionError message={demand.error.message} onRetry={() => void demand.refetch()} />
      ) : !rows.length ? (
        <SectionEmpty
          title={count > 0 ? "This page is empty" : "Nobody is waiting"}
          description={count > 0 ? "Go back a page." : "No back-in-stock subscribers and no backorders."}
        />
      ) : (
        <div data-testid="demand-table">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Variant</Table.HeaderCell>
                <Table.HeaderCell>SKU</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Subscribers</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Backordered</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.variant_id} data-testid="demand-row">
                  <Table.Cell>
                    {row.product_id ? (
                      <Link
                        className="text-ui-fg-interactive"
                        to={`/products/${row.product_id}/variants/${row.variant_id}`}
                      >
                        {row.product_title} · {row.variant_title}
                      </Link>
                    ) : (
                      row.variant_id
                    )}
                  </Table.Cell>
                  <Table.Cell>{row.sku ?? "—"}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{row.waiting_subscribers}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{row.backordered_quantity}</Table.Cell>
                  <Table.Cell className="text-right">
                    <Badge size="2xsmall" color="orange">
                      {row.total}
                    </Badge>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <ListPagination count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={goToPage} />
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Demand",
  nested: "/inventory",
  icon: BellAlert,
})

const DemandRoute = () => (
  <AccessGate
    action="viewDemand"
    title="Demand"
    description="You don't have permission to view what shoppers are waiting for."
  >
    <DemandPage />
  </AccessGate>
)

export default DemandRoute
