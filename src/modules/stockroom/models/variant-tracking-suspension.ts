import { model } from "@medusajs/framework/utils"

/**
 * A variant that manages inventory but whose Medusa `manage_inventory`
 * Stockroom switched off because `track_inventory_levels` is false. The row
 * is how turning tracking back on restores exactly the variants it changed.
 */
const VariantTrackingSuspension = model
  .define("variant_tracking_suspension", {
    id: model.id({ prefix: "srvts" }).primaryKey(),
    variant_id: model.text(),
  })
  .indexes([
    {
      name: "IDX_variant_tracking_suspension_variant_id_unique",
      on: ["variant_id"],
      unique: true,
    },
  ])

export default VariantTrackingSuspension
