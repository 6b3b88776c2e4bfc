import { Alert, Button, Drawer, Label, Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"

export type StockCountOpenDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  locations: { id: string; name: string }[]
  isPending: boolean
  serverError?: string
  onSubmit: (body: { location_id: string }) => void
}

/** Opens a count of every stock item at one location. */
export const StockCountOpenDrawer = ({
  open,
  onOpenChange,
  locations,
  isPending,
  serverError,
  onSubmit,
}: StockCountOpenDrawerProps) => {
  const [locationId, setLocationId] = useState("")
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (open) {
      setLocationId("")
      setError(null)
    }
  }, [open])

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form
          className="flex flex-1 flex-col overflow-hidden"
          noValidate
          data-testid="stock-count-open-form"
          onSubmit={(event) => {
            event.preventDefault()
            if (!locationId) {
              setError("Choose the location to count")
              return
            }
            onSubmit({ location_id: locationId })
          }}
        >
          <Drawer.Header>
            <Drawer.Title>Open a stock count</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
            <Text size="small" className="text-ui-fg-subtle">
              Lists every stock item of the location on a count sheet. Selling, receiving and
              returns go on while you count: each count is compared with the stock on hand at the
              moment it was recorded.
            </Text>
            {serverError && (
              <Alert variant="error" dismissible={false}>
                {serverError}
              </Alert>
            )}
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="stock-count-location">
                Location
              </Label>
              <Select value={locationId} onValueChange={(value) => { setLocationId(value); setError(null) }}>
                <Select.Trigger id="stock-count-location" aria-label="Location to count">
                  <Select.Value placeholder="Choose a location" />
                </Select.Trigger>
                <Select.Content>
                  {locations.map((location) => (
                    <Select.Item key={location.id} value={location.id}>
                      {location.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
              {error && (
                <Text size="small" className="text-ui-fg-error">
                  {error}
                </Text>
              )}
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={isPending}>
              Open count
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
