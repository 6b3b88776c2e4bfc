import {
  Alert,
  Badge,
  Button,
  FocusModal,
  Heading,
  Label,
  Table,
  Text,
  Textarea,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from "react"
import {
  ImportBatchError,
  useApplyStockImport,
  usePreviewStockLevels,
  type ImportProgress,
  type LevelPreviewRow,
} from "../hooks/stock-import"
import {
  lineErrorsFromServer,
  parseStockImport,
  type ImportLocation,
  type LineError,
  type MovementImportRow,
  type ParsedImport,
} from "../lib/stock-import"

export type StockImportModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  locations: ImportLocation[]
}

const SHOWN_ROWS = 200
const SHOWN_ERRORS = 50

const Difference = ({ value }: { value: number }) =>
  value === 0 ? (
    <Text size="small" className="text-ui-fg-muted">
      no change
    </Text>
  ) : (
    <Badge size="2xsmall" color={value > 0 ? "green" : "red"}>
      {value > 0 ? `+${value}` : value}
    </Badge>
  )

/**
 * Imports a stock CSV: absolute levels (`sku,location,on_hand`) or
 * movements (`sku,location,quantity,reason_code,note`). Shows every
 * difference before anything is written, the progress while the batches go
 * out, and the file lines the server or the file itself gets wrong.
 */
export const StockImportModal = ({ open, onOpenChange, locations }: StockImportModalProps) => {
  const [text, setText] = useState("")
  const [fileName, setFileName] = useState<string | null>(null)
  const [serverErrors, setServerErrors] = useState<LineError[]>([])
  const [serverMessage, setServerMessage] = useState<string | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const prompt = usePrompt()
  const preview = usePreviewStockLevels()
  const apply = useApplyStockImport(setProgress)

  useEffect(() => {
    if (open) {
      setText("")
      setFileName(null)
      setServerErrors([])
      setServerMessage(null)
      setProgress(null)
      preview.reset()
      apply.reset()
    }
    // Reset only when the modal opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const parsed: ParsedImport | null = useMemo(
    () => (text.trim() ? parseStockImport(text, locations) : null),
    [text, locations]
  )

  const showServerError = (error: unknown) => {
    const message = (error as Error).message
    const lines =
      error instanceof ImportBatchError ? lineErrorsFromServer(message, error.batch) : []
    setServerErrors(lines)
    setServerMessage(lines.length ? null : message)
  }

  // Levels are previewed against the server's current on hand as soon as the file reads cleanly.
  useEffect(() => {
    setServerErrors([])
    setServerMessage(null)
    preview.reset()
    if (parsed?.kind === "levels" && !parsed.errors.length && parsed.rows.length) {
      preview.mutate(parsed.rows, { onError: showServerError })
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed])

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    if (file) {
      setFileName(file.name)
      setText(await file.text())
    }
    event.target.value = ""
  }

  const errors = [...(parsed?.errors ?? []), ...serverErrors].sort((a, b) => a.line - b.line)
  const levelPreview: (LevelPreviewRow & { line: number })[] = preview.data ?? []
  const changes =
    parsed?.kind === "levels"
      ? levelPreview.filter((row) => row.difference !== 0).length
      : parsed?.rows.length ?? 0
  const ready =
    !!parsed?.kind &&
    !errors.length &&
    !serverMessage &&
    changes > 0 &&
    (parsed.kind === "movements" || preview.isSuccess)
  const locationName = (id: string) => locations.find((location) => location.id === id)?.name ?? id

  const onApply = async () => {
    if (!parsed || !ready) {
      return
    }
    const confirmed = await prompt({
      title: "Apply the import?",
      description:
        parsed.kind === "levels"
          ? `${changes} stock levels change; each becomes one movement in the ledger. This cannot be undone, only corrected by new movements.`
          : `${changes} movements are recorded in the ledger. This cannot be undone, only corrected by new movements.`,
      confirmText: "Apply",
      cancelText: "Cancel",
    })
    if (!confirmed) {
      return
    }
    apply.mutate(parsed, {
      onSuccess: (outcome) => {
        toast.success("Import applied", {
          description:
            parsed.kind === "levels"
              ? `${outcome.changed} levels changed, ${outcome.unchanged} already right`
              : `${outcome.changed} movements recorded`,
        })
        onOpenChange(false)
      },
      onError: (error) => {
        showServerError(error)
        toast.error("Import refused", { description: "Nothing in the refused batch was written." })
      },
    })
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <FocusModal.Header>
          <div className="flex items-center justify-end gap-x-2">
            <Button
              size="small"
              onClick={onApply}
              disabled={!ready}
              isLoading={apply.isPending}
              data-testid="import-apply"
            >
              {parsed?.kind === "levels" ? `Apply ${changes} changes` : `Record ${changes} movements`}
            </Button>
          </div>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-12">
          <div className="flex w-full max-w-[880px] flex-col gap-y-6 px-6">
            <div>
              <FocusModal.Title asChild>
                <Heading>Import stock from CSV</Heading>
              </FocusModal.Title>
              <Text size="small" className="text-ui-fg-subtle">
                <code>sku,location,on_hand</code> sets physical on-hand levels (each difference
                becomes one correction in the ledger);{" "}
                <code>sku,location,quantity,reason_code,note</code> records movements. The
                location is its name or id. Up to 10,000 rows go in one all-or-nothing batch.
              </Text>
            </div>
            <div className="flex flex-col gap-y-2">
              <div className="flex items-center justify-between">
                <Label size="small" weight="plus" htmlFor="stock-import-text">
                  CSV
                </Label>
                <div className="flex items-center gap-x-2">
                  {fileName && (
                    <Text size="small" className="text-ui-fg-subtle">
                      {fileName}
                    </Text>
                  )}
                  <input
                    ref={fileInput}
                    type="file"
                    accept=".csv,text/csv"
                    className="hidden"
                    onChange={onFile}
                    data-testid="import-file"
                  />
                  <Button size="small" variant="secondary" onClick={() => fileInput.current?.click()}>
                    Choose file
                  </Button>
                </div>
              </div>
              <Textarea
                id="stock-import-text"
                rows={6}
                value={text}
                onChange={(event) => {
                  setFileName(null)
                  setText(event.target.value)
                }}
                placeholder={"sku,location,on_hand\nSHIRT-M,Main warehouse,12"}
                className="font-mono"
                data-testid="import-text"
              />
            </div>

            {progress && apply.isPending && (
              <div className="flex flex-col gap-y-2" data-testid="import-progress">
                <Text size="small">
                  Applying… {progress.done.toLocaleString()} of {progress.total.toLocaleString()} rows
                </Text>
                <div className="bg-ui-bg-component h-2 w-full overflow-hidden rounded-full">
                  <div
                    className="bg-ui-fg-interactive h-full transition-all"
                    style={{ width: `${progress.total ? (100 * progress.done) / progress.total : 0}%` }}
                  />
                </div>
              </div>
            )}

            {serverMessage && (
              <Alert variant="error" dismissible={false} data-testid="import-server-error">
                {serverMessage}
              </Alert>
            )}
            {errors.length > 0 && (
              <Alert variant="error" dismissible={false} data-testid="import-errors">
                <Text size="small" weight="plus">
                  {errors.length} {errors.length === 1 ? "line needs" : "lines need"} fixing; nothing
                  will be written until every line is right.
                </Text>
                <ul className="mt-2 flex flex-col gap-y-1">
                  {errors.slice(0, SHOWN_ERRORS).map((error, index) => (
                    <li key={index}>
                      <Text size="small">
                        Line {error.line}: {error.message}
                      </Text>
                    </li>
                  ))}
                </ul>
                {errors.length > SHOWN_ERRORS && (
                  <Text size="small">…and {errors.length - SHOWN_ERRORS} more</Text>
                )}
              </Alert>
            )}

            {parsed?.kind === "levels" && preview.isPending && (
              <Text size="small" className="text-ui-fg-subtle">
                Reading the current levels…
              </Text>
            )}
            {parsed?.kind === "levels" && levelPreview.length > 0 && (
              <div className="flex flex-col gap-y-2" data-testid="import-preview">
                <Text size="small" className="text-ui-fg-subtle" data-testid="import-summary">
                  {changes} of {levelPreview.length} levels change;{" "}
                  {levelPreview.length - changes === 1
                    ? "1 is already right and writes nothing."
                    : `${levelPreview.length - changes} are already right and write nothing.`}
                </Text>
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Line</Table.HeaderCell>
                      <Table.HeaderCell>SKU</Table.HeaderCell>
                      <Table.HeaderCell>Location</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">On hand now</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">New on hand</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Difference</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {levelPreview.slice(0, SHOWN_ROWS).map((row) => (
                      <Table.Row key={row.line}>
                        <Table.Cell>{row.line}</Table.Cell>
                        <Table.Cell>{row.sku}</Table.Cell>
                        <Table.Cell>{locationName(row.location_id)}</Table.Cell>
                        <Table.Cell className="text-right">{row.on_hand}</Table.Cell>
                        <Table.Cell className="text-right">{row.new_on_hand}</Table.Cell>
                        <Table.Cell className="text-right">
                          <Difference value={row.difference} />
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
            {parsed?.kind === "movements" && parsed.rows.length > 0 && (
              <div className="flex flex-col gap-y-2" data-testid="import-preview">
                <Text size="small" className="text-ui-fg-subtle" data-testid="import-summary">
                  {parsed.rows.length === 1
                    ? "1 movement will be recorded."
                    : `${parsed.rows.length} movements will be recorded.`}
                </Text>
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Line</Table.HeaderCell>
                      <Table.HeaderCell>SKU</Table.HeaderCell>
                      <Table.HeaderCell>Location</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Quantity</Table.HeaderCell>
                      <Table.HeaderCell>Reason code</Table.HeaderCell>
                      <Table.HeaderCell>Note</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {(parsed.rows as MovementImportRow[]).slice(0, SHOWN_ROWS).map((row) => (
                      <Table.Row key={row.line}>
                        <Table.Cell>{row.line}</Table.Cell>
                        <Table.Cell>{row.sku}</Table.Cell>
                        <Table.Cell>{locationName(row.location_id)}</Table.Cell>
                        <Table.Cell className="text-right">
                          <Difference value={row.quantity} />
                        </Table.Cell>
                        <Table.Cell>{row.reason_code ?? "—"}</Table.Cell>
                        <Table.Cell>{row.note ?? ""}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
            {(levelPreview.length > SHOWN_ROWS ||
              (parsed?.kind === "movements" && parsed.rows.length > SHOWN_ROWS)) && (
              <Text size="small" className="text-ui-fg-muted">
                Showing the first {SHOWN_ROWS} lines.
              </Text>
            )}
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
