import { XMarkMini } from "@medusajs/icons"
import { Badge, Button, Input, Label, Select } from "@medusajs/ui"
import { humanize } from "../lib/format"
import { ORIGINATOR_TYPES, REASON_CODES, STOCK_MOVEMENT_KINDS } from "../lib/types"

export type LedgerFilterValues = {
  location_id?: string
  kind?: string
  originator_type?: string
  reason_code?: string
  from?: string
  to?: string
}

export type LedgerFiltersProps = {
  values: LedgerFilterValues
  locations: { id: string; name: string }[]
  /** The item the ledger is narrowed to (from a widget's "View all"). */
  itemFilter?: { label: string; onClear: () => void }
  onChange: (patch: Partial<LedgerFilterValues>) => void
  onClear: () => void
}

const ALL = "all"

const FilterSelect = ({
  label,
  value,
  options,
  allLabel,
  onChange,
}: {
  label: string
  value?: string
  options: { value: string; label: string }[]
  allLabel: string
  onChange: (value?: string) => void
}) => (
  <div className="w-[180px]">
    <Select
      size="small"
      value={value ?? ALL}
      onValueChange={(next) => onChange(next === ALL ? undefined : next)}
    >
      <Select.Trigger aria-label={label}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={ALL}>{allLabel}</Select.Item>
        {options.map((option) => (
          <Select.Item key={option.value} value={option.value}>
            {option.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)

export const LedgerFilters = ({
  values,
  locations,
  itemFilter,
  onChange,
  onClear,
}: LedgerFiltersProps) => {
  const active =
    !!itemFilter || Object.values(values).some((value) => value !== undefined && value !== "")
  return (
    <div className="flex flex-wrap items-end gap-2 px-6 py-4" data-testid="ledger-filters">
      {itemFilter && (
        <Badge size="small" className="flex items-center gap-x-1 self-center">
          Item: {itemFilter.label}
          <button
            type="button"
            aria-label="Show every item"
            className="text-ui-fg-muted hover:text-ui-fg-subtle"
            onClick={itemFilter.onClear}
          >
            <XMarkMini />
          </button>
        </Badge>
      )}
      <FilterSelect
        label="Location"
        value={values.location_id}
        allLabel="All locations"
        options={locations.map((location) => ({ value: location.id, label: location.name }))}
        onChange={(location_id) => onChange({ location_id })}
      />
      <FilterSelect
        label="Kind"
        value={values.kind}
        allLabel="All kinds"
        options={STOCK_MOVEMENT_KINDS.map((kind) => ({ value: kind, label: humanize(kind) }))}
        onChange={(kind) => onChange({ kind })}
      />
      <FilterSelect
        label="Originator"
        value={values.originator_type}
        allLabel="All originators"
        options={ORIGINATOR_TYPES.map((type) => ({ value: type, label: humanize(type) }))}
        onChange={(originator_type) => onChange({ originator_type })}
      />
      <FilterSelect
        label="Reason code"
        value={values.reason_code}
        allLabel="All reasons"
        options={REASON_CODES.map((code) => ({ value: code, label: humanize(code) }))}
        onChange={(reason_code) => onChange({ reason_code })}
      />
      <div className="flex items-center gap-x-2">
        <Label size="xsmall" htmlFor="ledger-from" className="text-ui-fg-subtle">
          From
        </Label>
        <Input
          id="ledger-from"
          size="small"
          type="date"
          className="w-[150px]"
          value={values.from ?? ""}
          max={values.to}
          onChange={(event) => onChange({ from: event.target.value || undefined })}
        />
        <Label size="xsmall" htmlFor="ledger-to" className="text-ui-fg-subtle">
          To
        </Label>
        <Input
          id="ledger-to"
          size="small"
          type="date"
          className="w-[150px]"
          value={values.to ?? ""}
          min={values.from}
          onChange={(event) => onChange({ to: event.target.value || undefined })}
        />
      </div>
      {active && (
        <Button size="small" variant="transparent" onClick={onClear}>
          Clear all
        </Button>
      )}
    </div>
  )
}
