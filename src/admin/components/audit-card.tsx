import { ArrowPath, CheckCircleSolid, ExclamationCircleSolid } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { formatDateTime } from "../lib/format"
import type { AuditResponse } from "../lib/types"
import { SectionEmpty, SectionError } from "./section-states"

const INVARIANTS: Record<number, string> = {
  1: "Ledger sum ≠ stock",
  2: "Balance after ≠ running sum",
  3: "Sequence gap",
}

export type AuditCardProps = {
  result: (AuditResponse & { ran_at?: string }) | null
  isRunning: boolean
  error: string | null
  onRun: () => void
}

/** The ledger's invariants, checked on demand. */
export const AuditCard = ({ result, isRunning, error, onRun }: AuditCardProps) => (
  <Container className="divide-y p-0" data-testid="stockroom-audit">
    <div className="flex items-center justify-between px-6 py-4">
      <div>
        <Heading level="h2">Ledger audit</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Checks that every stock level equals the sum of its movements and that the
          ledger's running balances add up.
        </Text>
      </div>
      <Button size="small" variant="secondary" isLoading={isRunning} onClick={onRun}>
        <ArrowPath />
        Run audit
      </Button>
    </div>
    {error ? (
      <SectionError message={error} onRetry={onRun} />
    ) : !result ? (
      <SectionEmpty
        title="No audit run yet"
        description="Run an audit to compare the ledger with Medusa's stock levels."
      />
    ) : result.ok ? (
      <div className="flex items-center gap-x-3 px-6 py-4" data-audit="ok">
        <CheckCircleSolid className="text-ui-fg-interactive" />
        <div className="flex flex-col">
          <Text size="small" leading="compact" weight="plus">
            No problems found
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {result.checked !== undefined ? `${result.checked} stock item(s) checked` : "All stock items checked"}
            {result.ran_at ? ` · ${formatDateTime(result.ran_at)}` : ""}
          </Text>
        </div>
      </div>
    ) : (
      <div data-audit="problems">
        <div className="flex items-center gap-x-3 px-6 py-4">
          <ExclamationCircleSolid className="text-ui-fg-error" />
          <Text size="small" leading="compact" weight="plus">
            {result.problems.length} problem(s) found
            {result.ran_at ? ` · ${formatDateTime(result.ran_at)}` : ""}
          </Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Check</Table.HeaderCell>
              <Table.HeaderCell>Stock item</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Expected</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Actual</Table.HeaderCell>
              <Table.HeaderCell>Details</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {result.problems.map((problem, index) => (
              <Table.Row key={`${problem.stock_item_id}-${problem.invariant}-${index}`}>
                <Table.Cell>{INVARIANTS[problem.invariant] ?? problem.invariant}</Table.Cell>
                <Table.Cell className="font-mono">{problem.stock_item_id}</Table.Cell>
                <Table.Cell className="text-right">{problem.expected ?? "—"}</Table.Cell>
                <Table.Cell className="text-right">{problem.actual ?? "—"}</Table.Cell>
                <Table.Cell>
                  <Text size="small" className="max-w-[400px] truncate" title={problem.message}>
                    {problem.message}
                  </Text>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    )}
  </Container>
)
