import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  STOCKROOM_MODULE,
  type IStockroomModuleService,
  type StockItemRef,
  type StockSubscriptionWithTokenDTO,
  type WaitingSubscriptionTarget,
} from "../../modules/stockroom/types"

/** Subscriptions claimed and sent per batch. */
export const BACK_IN_STOCK_BATCH = 500

export type BackInStockResult = {
  /** notifications handed to the Notification Module */
  sent: number
  /** true: no provider for the `email` channel; subscriptions kept waiting */
  waiting_for_provider: boolean
}

let warnedNoProvider = false

/**
 * Whether the Notification Module has an enabled provider for `email`. Asks
 * the module's provider registry when it can be reached, else assumes so
 * and lets createNotifications decide.
 */
export async function hasEmailProvider(container: MedusaContainer): Promise<boolean> {
  const notification = container.resolve(Modules.NOTIFICATION, { allowUnregistered: true }) as any
  if (!notification) {
    return false
  }
  const providers = notification.notificationProviderService_
  if (typeof providers?.getProviderForChannels !== "function") {
    return true
  }
  return !!(await providers.getProviderForChannels("email"))
}

type VariantDetails = {
  id: string
  title: string | null
  sku: string | null
  product?: { id: string; title: string | null; handle: string | null } | null
}

/**
 * The template data of one back-in-stock notification. Documented in the
 * README ("Back-in-stock notifications") for the store's email template.
 */
export function backInStockData(
  subscription: StockSubscriptionWithTokenDTO,
  variant: VariantDetails | undefined,
  quantity: number | null
): Record<string, unknown> {
  return {
    subscription_id: subscription.id,
    email: subscription.email,
    sales_channel_id: subscription.sales_channel_id,
    variant_id: subscription.variant_id,
    variant_title: variant?.title ?? null,
    sku: variant?.sku ?? null,
    product_id: variant?.product?.id ?? null,
    product_title: variant?.product?.title ?? null,
    product_handle: variant?.product?.handle ?? null,
    ...(quantity !== null ? { quantity_sellable: quantity } : {}),
    unsubscribe_token: subscription.token,
    unsubscribe_path: `/store/stock-subscriptions/${subscription.id}?token=${encodeURIComponent(subscription.token)}`,
  }
}

/**
 * Tells the waiting subscribers of every variant and channel that stock at
 * these places can now sell: for each with sellable stock in its channel
 * (after what backorders hold), claims the subscriptions in batches, marks
 * them notified and sends one `email` notification each, keyed by the
 * subscription id. A batch the module refuses goes back to waiting. Runs
 * after the movement's transaction, never inside it.
 */
export async function notifyBackInStock(
  container: MedusaContainer,
  refs: StockItemRef[]
): Promise<BackInStockResult> {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const targets = await stockroom.listWaitingSubscriptionTargets(refs)
  if (!targets.length) {
    return { sent: 0, waiting_for_provider: false }
  }
  if (!(await hasEmailProvider(container))) {
    if (!warnedNoProvider) {
      warnedNoProvider = true
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(
          "Stockroom: back-in-stock subscribers are waiting but no notification provider handles the `email` channel; subscriptions are kept and will be notified once one is registered and the stock comes back"
        )
    }
    return { sent: 0, waiting_for_provider: true }
  }
  let sent = 0
  for (const target of targets) {
    sent += await notifyTarget(container, stockroom, target)
  }
  return { sent, waiting_for_provider: false }
}

async function notifyTarget(
  container: MedusaContainer,
  stockroom: IStockroomModuleService,
  target: WaitingSubscriptionTarget
): Promise<number> {
  const [stock] = await stockroom.listVariantStock(target.sales_channel_id, [target.variant_id])
  if (!stock || (stock.tracked && stock.available <= 0)) {
    return 0
  }
  const options = stockroom.getOptions()
  const quantity = options.expose_stock_counts && stock.tracked ? stock.available : null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "sku", "product.id", "product.title", "product.handle"],
    filters: { id: target.variant_id },
  })
  const variant = variants[0] as VariantDetails | undefined
  const notification = container.resolve(Modules.NOTIFICATION)
  let sent = 0
  for (;;) {
    const claimed = await stockroom.claimWaitingSubscriptions(target, BACK_IN_STOCK_BATCH)
    if (!claimed.length) {
      return sent
    }
    try {
      await notification.createNotifications(
        claimed.map((subscription) => ({
          to: subscription.email,
          channel: "email",
          template: options.back_in_stock_template,
          data: backInStockData(subscription, variant, quantity),
          trigger_type: "stockroom.back_in_stock",
          resource_id: subscription.variant_id,
          resource_type: "product_variant",
          idempotency_key: subscription.id,
        }))
      )
    } catch (err) {
      await releaseUnsent(container, stockroom, claimed)
      throw err
    }
    sent += claimed.length
  }
}

/** Puts back to waiting the claimed subscriptions with no successful notification. */
async function releaseUnsent(
  container: MedusaContainer,
  stockroom: IStockroomModuleService,
  claimed: StockSubscriptionWithTokenDTO[]
) {
  const notification = container.resolve(Modules.NOTIFICATION)
  const done = await notification.listNotifications(
    { idempotency_key: claimed.map((subscription) => subscription.id), status: "success" } as any,
    { select: ["idempotency_key"], take: null }
  )
  const sentIds = new Set(done.map((row: any) => row.idempotency_key))
  await stockroom.releaseStockSubscriptions(
    claimed.filter((subscription) => !sentIds.has(subscription.id)).map((subscription) => subscription.id)
  )
}
