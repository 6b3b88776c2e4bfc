import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import StockroomModuleService from "./service"
import { STOCKROOM_MODULE } from "./types"

export { STOCKROOM_MODULE }
export * from "./types"

export default Module(STOCKROOM_MODULE, {
  service: StockroomModuleService,
  loaders: [validateOptionsLoader],
})
