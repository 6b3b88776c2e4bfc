import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"

export type SeededStore = {
  regionId: string
  salesChannelId: string
  shippingProfileId: string
  publishableKey: string
  storeHeaders: { headers: Record<string, string> }
  locations: { id: string; shippingOptionId: string; returnOptionId: string }[]
}

const COUNTRY = "nl"

/**
 * A sellable store seeded through Medusa's own workflows: a EUR region with
 * the system payment provider, a sales channel with a publishable key, and
 * `locationCount` stock locations in that channel, each with a manual
 * shipping option and a return option.
 */
export async function seedStore(
  container: MedusaContainer,
  locationCount = 1
): Promise<SeededStore> {
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Test region",
          currency_code: "eur",
          countries: [COUNTRY],
          payment_providers: ["pp_system_default"],
        },
      ],
    },
  })
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Test channel" }] },
  })
  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Test storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKey.id, add: [salesChannel.id] },
  })
  const {
    result: [shippingProfile],
  } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Test profile", type: "default" }] },
  })

  const locations: SeededStore["locations"] = []
  for (let index = 0; index < locationCount; index++) {
    const {
      result: [location],
    } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: `Warehouse ${index + 1}` }] },
    })
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannel.id] },
    })
    await createLinksWorkflow(container).run({
      input: [
        {
          [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
          [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
        },
      ],
    })
    const { result: withSet } = await createLocationFulfillmentSetWorkflow(container).run({
      input: {
        location_id: location.id,
        fulfillment_set_data: { name: `Warehouse ${index + 1} delivery`, type: "shipping" },
      },
    })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [withSets],
    } = await query.graph({
      entity: "stock_location",
      fields: ["id", "fulfillment_sets.id"],
      filters: { id: location.id },
    })
    void withSet
    const {
      result: [zone],
    } = await createServiceZonesWorkflow(container).run({
      input: {
        data: [
          {
            name: `Zone ${index + 1}`,
            fulfillment_set_id: withSets.fulfillment_sets[0].id,
            geo_zones: [{ type: "country", country_code: COUNTRY }],
          },
        ],
      },
    })
    const { result: options } = await createShippingOptionsWorkflow(container).run({
      input: [false, true].map((isReturn) => ({
        name: `${isReturn ? "Return" : "Ship"} ${index + 1}`,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: zone.id,
        shipping_profile_id: shippingProfile.id,
        type: { label: isReturn ? "Return" : "Standard", description: "", code: isReturn ? "return" : "standard" },
        prices: [{ currency_code: "eur", amount: isReturn ? 0 : 5 }],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: String(isReturn), operator: "eq" as const },
        ],
      })),
    })
    locations.push({
      id: location.id,
      shippingOptionId: options.find((option) => option.name.startsWith("Ship"))!.id,
      returnOptionId: options.find((option) => option.name.startsWith("Return"))!.id,
    })
  }
  return {
    regionId: region.id,
    salesChannelId: salesChannel.id,
    shippingProfileId: shippingProfile.id,
    publishableKey: apiKey.token,
    storeHeaders: { headers: { "x-publishable-api-key": apiKey.token } },
    locations,
  }
}

export type SeededVariant = { id: string; title: string; inventory_item_id: string | null }

/**
 * A published product in the store's channel. Variants manage inventory
 * unless `manage_inventory: false`; `allow_backorder` is Medusa's own flag.
 */
export async function createProduct(
  container: MedusaContainer,
  store: SeededStore,
  variants: { title: string; allow_backorder?: boolean; manage_inventory?: boolean }[],
  title = "Test product"
): Promise<SeededVariant[]> {
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: store.shippingProfileId,
          sales_channels: [{ id: store.salesChannelId }],
          options: [{ title: "Kind", values: variants.map((variant) => variant.title) }],
          variants: variants.map((variant) => ({
            title: variant.title,
            options: { Kind: variant.title },
            manage_inventory: variant.manage_inventory ?? true,
            allow_backorder: variant.allow_backorder ?? true,
            prices: [{ currency_code: "eur", amount: 10 }],
          })),
        },
      ],
    },
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "inventory_items.inventory_item_id"],
    filters: { product_id: product.id },
  })
  return variants.map((wanted) => {
    const variant = (data as any[]).find((candidate) => candidate.title === wanted.title)
    return {
      id: variant.id,
      title: variant.title,
      inventory_item_id: variant.inventory_items?.[0]?.inventory_item_id ?? null,
    }
  })
}

/**
 * A customer's checkout through Medusa's store routes: cart, items,
 * address, shipping, system payment, complete. Returns the order.
 */
export async function placeOrder(
  api: any,
  store: SeededStore,
  items: { variant_id: string; quantity: number }[],
  locationIndex = 0
): Promise<{ id: string; items: { id: string; variant_id: string; quantity: number }[] }> {
  const headers = store.storeHeaders
  const explain = (step: string) => (err: any) => {
    throw new Error(`${step} refused (${err.response?.status}): ${JSON.stringify(err.response?.data)}`)
  }
  const cartId = await startCart(api, store).catch(explain("Cart creation"))
  for (const item of items) {
    await api.post(`/store/carts/${cartId}/line-items`, item, headers).catch(explain("Add to cart"))
  }
  await api.post(
    `/store/carts/${cartId}/shipping-methods`,
    { option_id: store.locations[locationIndex].shippingOptionId },
    headers
  )
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    headers
  )
  const { data } = await api
    .post(`/store/carts/${cartId}/complete`, {}, headers)
    .catch((err: any) => {
      throw new Error(
        `Checkout refused (${err.response?.status}): ${JSON.stringify(err.response?.data)}`
      )
    })
  if (data.type !== "order") {
    throw new Error(`Checkout did not complete: ${JSON.stringify(data.error ?? data)}`)
  }
  return data.order
}

/** A guest (or, with `headers`, a signed-in customer's) cart in the store's channel. */
export async function startCart(
  api: any,
  store: SeededStore,
  headers: Record<string, string> = {}
): Promise<string> {
  const {
    data: { cart },
  } = await api.post(
    "/store/carts",
    {
      region_id: store.regionId,
      sales_channel_id: store.salesChannelId,
      email: `customer-${Math.random().toString(36).slice(2)}@stockroom.test`,
      shipping_address: {
        first_name: "Test",
        last_name: "Customer",
        address_1: "Street 1",
        city: "Amsterdam",
        postal_code: "1000 AA",
        country_code: COUNTRY,
      },
    },
    { headers: { ...store.storeHeaders.headers, ...headers } }
  )
  return cart.id
}

/** Shipping, system payment and Medusa's complete route; returns the raw response promise. */
export async function completeCart(
  api: any,
  store: SeededStore,
  cartId: string,
  headers: Record<string, string> = {}
) {
  const options = { headers: { ...store.storeHeaders.headers, ...headers } }
  await api.post(
    `/store/carts/${cartId}/shipping-methods`,
    { option_id: store.locations[0].shippingOptionId },
    options
  )
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cartId }, options)
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    options
  )
  return api.post(`/store/carts/${cartId}/complete`, {}, options)
}

/** A registered, signed-in storefront customer: the headers its requests need. */
export async function signInCustomer(api: any, store: SeededStore, email: string) {
  const password = "stockroom-customer-password"
  const {
    data: { token: registration },
  } = await api.post("/auth/customer/emailpass/register", { email, password })
  await api.post(
    "/store/customers",
    { email },
    { headers: { ...store.storeHeaders.headers, authorization: `Bearer ${registration}` } }
  )
  const {
    data: { token },
  } = await api.post("/auth/customer/emailpass", { email, password })
  return { authorization: `Bearer ${token}` }
}
