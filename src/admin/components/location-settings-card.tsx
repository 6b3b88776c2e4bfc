import { Container, Heading, Input, Label, Switch, Text } from "@medusajs/ui"
import type { StockLocationSetting } from "../lib/types"
import { SectionError, SectionLoading, SectionNoAccess } from "./section-states"

type SettingKey = Exclude<keyof StockLocationSetting, "stock_location_id" | "allocation_priority">

const SETTINGS: { key: SettingKey; label: string; description: string }[] = [
  {
    key: "backorderable_default",
    label: "Backorderable by default",
    description: "New stock items at this location accept backorders.",
  },
  {
    key: "propagate_all_variants",
    label: "Stock every variant",
    description: "Create a stock item here for every inventory item, including new ones.",
  },
  {
    key: "restock_inventory",
    label: "Restock returns",
    description: "Resellable items returned to this location go back into stock.",
  },
]

export type LocationSettingsCardProps = {
  setting?: StockLocationSetting
  isLoading: boolean
  error: string | null
  /** The key being saved, so only its switch waits. */
  savingKey: SettingKey | null
  onChange: (key: SettingKey, value: boolean) => void
  /** Saves the location's allocation priority (a whole number, lower first). */
  onPriorityChange?: (value: number) => void
  onRetry: () => void
  /** The permissions reading the settings needs, for a user who lacks them. */
  denied?: string[]
  /** For a user who may read but not change the settings. */
  readOnly?: boolean
}

export const LocationSettingsCard = ({
  setting,
  isLoading,
  error,
  savingKey,
  onChange,
  onPriorityChange,
  onRetry,
  denied,
  readOnly = false,
}: LocationSettingsCardProps) => (
  <Container className="divide-y p-0" data-testid="stockroom-location-settings">
    <div className="px-6 py-4">
      <Heading level="h2">Stockroom settings</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        How Stockroom treats stock at this location
      </Text>
    </div>
    {denied ? (
      <SectionNoAccess
        description="You don't have permission to view this location's Stockroom settings."
        permissions={denied}
      />
    ) : isLoading ? (
      <SectionLoading rows={3} />
    ) : error || !setting ? (
      <SectionError message={error ?? "No settings found"} onRetry={onRetry} />
    ) : (
      SETTINGS.map(({ key, label, description }) => (
        <div key={key} className="flex items-center justify-between gap-x-4 px-6 py-4">
          <div className="flex flex-col">
            <Label size="small" weight="plus" htmlFor={`stockroom-${key}`}>
              {label}
            </Label>
            <Text size="small" className="text-ui-fg-subtle">
              {description}
            </Text>
          </div>
          <Switch
            id={`stockroom-${key}`}
            checked={setting[key]}
            disabled={readOnly || savingKey === key}
            onCheckedChange={(checked) => onChange(key, checked)}
          />
        </div>
      )).concat(
        onPriorityChange ? (
          <div key="allocation_priority" className="flex items-center justify-between gap-x-4 px-6 py-4">
            <div className="flex flex-col">
              <Label size="small" weight="plus" htmlFor="stockroom-allocation_priority">
                Allocation priority
              </Label>
              <Text size="small" className="text-ui-fg-subtle">
                Checkout places a line at the first location, lowest number first, that has it all.
              </Text>
            </div>
            <Input
              id="stockroom-allocation_priority"
              type="number"
              step={1}
              className="w-24"
              disabled={readOnly}
              key={setting.allocation_priority ?? 0}
              defaultValue={setting.allocation_priority ?? 0}
              onBlur={(event) => {
                const value = Number(event.currentTarget.value)
                if (Number.isInteger(value) && value !== (setting.allocation_priority ?? 0)) {
                  onPriorityChange(value)
                }
              }}
            />
          </div>
        ) : []
      )
    )}
  </Container>
)
