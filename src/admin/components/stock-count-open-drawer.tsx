import { zodResolver } from "@hookform/resolvers/zod"
import { Select } from "@medusajs/ui"
import { useEffect } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod/v4"
import { Form } from "./form"
import { FormDrawer } from "./form-drawer"

export type StockCountOpenDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  locations: { id: string; name: string }[]
  isPending: boolean
  serverError?: string
  onSubmit: (body: { location_id: string }) => void
}

const openCountSchema = z.object({
  location_id: z.string().min(1, "Choose the location to count"),
})

/** Opens a count of every stock item at one location. */
export const StockCountOpenDrawer = ({
  open,
  onOpenChange,
  locations,
  isPending,
  serverError,
  onSubmit,
}: StockCountOpenDrawerProps) => {
  const form = useForm<z.infer<typeof openCountSchema>>({
    defaultValues: { location_id: "" },
    resolver: zodResolver(openCountSchema),
  })

  useEffect(() => {
    if (open) {
      form.reset({ location_id: "" })
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      onSubmit={form.handleSubmit((values) => onSubmit({ location_id: values.location_id }))}
      title="Open a stock count"
      description="Lists every stock item of the location on a count sheet. Selling, receiving and returns go on while you count: each count is compared with the stock on hand at the moment it was recorded."
      submitLabel="Open count"
      isPending={isPending}
      serverError={serverError}
      formTestId="stock-count-open-form"
    >
      <Form.Field
        control={form.control}
        name="location_id"
        render={({ field: { value, onChange, ref } }) => (
          <Form.Item controlId="stock-count-location">
            <Form.Label>Location</Form.Label>
            <Select value={value} onValueChange={onChange}>
              <Form.Control>
                <Select.Trigger ref={ref} aria-label="Location to count">
                  <Select.Value placeholder="Choose a location" />
                </Select.Trigger>
              </Form.Control>
              <Select.Content>
                {locations.map((location) => (
                  <Select.Item key={location.id} value={location.id}>
                    {location.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Form.ErrorMessage />
          </Form.Item>
        )}
      />
    </FormDrawer>
  )
}
