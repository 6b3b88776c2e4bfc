import { defineOperations } from "../../../openapi/define"
import { oneResponse } from "../../../openapi/schemas"
import { StockSubscription } from "../../admin/stock-subscriptions/openapi"
import { StoreCreateStockSubscription, StoreDeleteStockSubscriptionParams } from "./validators"

export const StoreStockSubscriptionResponse = oneResponse("stock_subscription", StockSubscription)

export const operations = defineOperations([
  {
    id: "storeCreateStockSubscription",
    method: "POST",
    path: "/store/stock-subscriptions",
    summary: "Ask to be told when a variant is back in stock (201 when created, 200 when it existed)",
    body: StoreCreateStockSubscription,
    response: StoreStockSubscriptionResponse,
    status: 201,
    alsoStatus: [200],
  },
  {
    id: "storeDeleteStockSubscription",
    method: "DELETE",
    path: "/store/stock-subscriptions/{id}",
    summary: "Unsubscribe with the token from the notification",
    query: StoreDeleteStockSubscriptionParams,
    response: StoreStockSubscriptionResponse,
  },
])
