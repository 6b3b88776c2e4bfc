import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"
import { publicSubscription } from "../../../modules/stockroom/notifications/subscriptions"
import { requestSalesChannelId } from "../sales-channel"
import type { StoreCreateStockSubscriptionType } from "./validators"

/**
 * POST /store/stock-subscriptions — asks to be told when a variant is
 * sellable again in the request's sales channel. A signed-in customer
 * subscribes with their own email; anyone else gives one. One active
 * subscription per variant, email and channel: asking again returns it
 * (200; 201 when created). The unsubscribe token only travels in the
 * notification.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreCreateStockSubscriptionType>,
  res: MedusaResponse
) => {
  const body = req.validatedBody
  const salesChannelId = requestSalesChannelId(req, body.sales_channel_id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : undefined

  let email = body.email
  if (customerId) {
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "email"],
      filters: { id: customerId },
    })
    const customerEmail = customers[0]?.email
    if (!customerEmail) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} has no email`)
    }
    if (email && email.toLowerCase() !== customerEmail.toLowerCase()) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "email must be the signed-in customer's own email (or left out)"
      )
    }
    email = customerEmail
  }
  if (!email) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "email is required unless a customer is signed in")
  }

  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [stock] = await stockroom.listVariantStock(salesChannelId, [body.variant_id])
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product.sales_channels.id"],
    filters: { id: body.variant_id },
  })
  const channels = ((variants[0] as any)?.product?.sales_channels ?? []).map((channel: any) => channel?.id)
  if (!stock || !variants.length || !channels.includes(salesChannelId)) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Variant ${body.variant_id} was not found in sales channel ${salesChannelId}`
    )
  }
  if (!stock.tracked) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Variant ${body.variant_id} does not track stock: it is always available, so there is nothing to wait for`
    )
  }

  const { subscription, created } = await stockroom.createStockSubscription({
    variant_id: body.variant_id,
    email,
    customer_id: customerId ?? null,
    sales_channel_id: salesChannelId,
  })
  res.status(created ? 201 : 200).json({ stock_subscription: publicSubscription(subscription) })
}
