import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { humanize } from "../lib/format"
import { useLocationChoices } from "./stock-locations"

type StateAndLocationRow = { state: string; location_id: string }

/**
 * The State and Location filters of a list whose rows have both (purchase
 * orders, stock counts); `labels` names a row's location in its cell and
 * `locations` lists them for the page's drawer.
 */
export const useStateAndLocationFilters = (states: readonly string[]) => {
  const locations = useLocationChoices()
  const filters = useMemo(() => {
    const filterHelper = createDataTableFilterHelper<StateAndLocationRow>()
    return [
      filterHelper.accessor("state", {
        type: "radio",
        label: "State",
        options: states.map((value) => ({ label: humanize(value), value })),
      }),
      filterHelper.accessor("location_id", {
        type: "radio",
        label: "Location",
        options: locations.options,
      }),
    ]
  }, [states, locations.options])
  return { filters, labels: locations.labels, locations: locations.locations }
}
