import { zodResolver } from "@hookform/resolvers/zod"
import { Badge, Label, RadioGroup, Text } from "@medusajs/ui"
import { useEffect } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod/v4"
import type { LineReallocationTarget } from "../hooks/reallocation"
import { Form } from "./form"
import { FormDrawer } from "./form-drawer"
import { SectionError, SectionLoading } from "./section-states"

export type MoveToLocationDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The line as the order names it. */
  lineTitle: string
  locations: LineReallocationTarget[]
  isLoading: boolean
  loadError: string | null
  isPending: boolean
  serverError: string | null
  onSubmit: (locationId: string) => void
}

/** What moving the line to a location would do, in a few words. */
const outcome = (location: LineReallocationTarget) => {
  const onHand = Math.min(...location.items.map((item) => item.on_hand))
  const backordered = location.items.some((item) => item.backordered > 0)
  if (!backordered) {
    return "All units on hand"
  }
  return location.items.length === 1
    ? `${onHand} on hand, ${location.items[0].backordered} backordered`
    : "Part of the kit backordered"
}

const moveToLocationSchema = z.object({
  location_id: z.string().min(1, "Choose where the line goes"),
})

/**
 * Moves an order line's whole unshipped rest (and its reservations) to
 * another location of the order's sales channel. Lists each location with
 * the line units it can sell now; a location the line cannot move to says why.
 */
export const MoveToLocationDrawer = ({
  open,
  onOpenChange,
  lineTitle,
  locations,
  isLoading,
  loadError,
  isPending,
  serverError,
  onSubmit,
}: MoveToLocationDrawerProps) => {
  const form = useForm<z.infer<typeof moveToLocationSchema>>({
    defaultValues: { location_id: "" },
    resolver: zodResolver(moveToLocationSchema),
  })

  useEffect(() => {
    if (open) {
      form.reset({ location_id: "" })
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const unshipped = locations[0]?.unshipped_quantity ?? 0

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      onSubmit={form.handleSubmit((values) => onSubmit(values.location_id))}
      title="Move to location"
      description={
        <>
          Moves the {unshipped ? `${unshipped} unshipped unit${unshipped === 1 ? "" : "s"}` : "unshipped units"} of{" "}
          <strong>{lineTitle}</strong> and their reservations to another location of the order's
          sales channel, all of them together. Units are on hand as far as the location's sellable
          stock allows and backordered beyond; stock freed here fills other orders' backorders.
        </>
      }
      submitLabel="Move line"
      isPending={isPending}
      submitDisabled={isLoading || !!loadError}
      serverError={serverError}
      serverErrorTestId="move-to-location-error"
      contentTestId="move-to-location-drawer"
    >
      {isLoading ? (
        <SectionLoading />
      ) : loadError ? (
        <SectionError message={loadError} />
      ) : (
        <Form.Field
          control={form.control}
          name="location_id"
          render={({ field: { value, onChange, ref } }) => (
            <Form.Item>
              <Form.Label>To location</Form.Label>
              <Form.Control>
                <RadioGroup ref={ref} value={value} onValueChange={onChange} className="flex flex-col gap-y-2">
                  {locations.map((location) => {
                    const id = `move-to-${location.location_id}`
                    const disabled = !!location.refusal
                    return (
                      <div
                        key={location.location_id}
                        data-location-id={location.location_id}
                        className="shadow-borders-base bg-ui-bg-base flex items-start gap-x-3 rounded-lg px-4 py-3"
                      >
                        <RadioGroup.Item value={location.location_id} id={id} disabled={disabled} className="mt-0.5" />
                        <div className="flex min-w-0 flex-1 flex-col gap-y-1">
                          <div className="flex items-center justify-between gap-x-2">
                            <Label htmlFor={id} size="small" weight="plus" className="truncate">
                              {location.name}
                            </Label>
                            {location.current ? (
                              <Badge size="2xsmall" color="grey">
                                Current
                              </Badge>
                            ) : (
                              <Text size="small" leading="compact" className="tabular-nums text-nowrap" data-column="sellable">
                                {location.sellable_quantity} sellable
                              </Text>
                            )}
                          </div>
                          <Text size="small" leading="compact" className="text-ui-fg-subtle">
                            {location.current
                              ? "The line's units are here now"
                              : location.refusal ?? outcome(location)}
                          </Text>
                        </div>
                      </div>
                    )
                  })}
                </RadioGroup>
              </Form.Control>
              <Form.ErrorMessage />
            </Form.Item>
          )}
        />
      )}
    </FormDrawer>
  )
}
