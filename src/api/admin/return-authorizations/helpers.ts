import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  ReturnAuthorizationDTO,
  STOCKROOM_MODULE,
  StockMovementDTO,
  type IStockroomModuleService,
} from "../../../modules/stockroom/types"
import type { ListOrder } from "../../list-query"
import { asArray } from "../../query-values"
import type { AdminGetReturnAuthorizationsParamsType } from "./validators"

type OrderSummary = { id: string; display_id: number | null; email: string | null }

/**
 * Adds what an admin needs to recognise the order (display id, email),
 * through the authorization → order link: one query for the whole page.
 */
async function withOrders(
  container: MedusaContainer,
  authorizations: ReturnAuthorizationDTO[]
): Promise<(ReturnAuthorizationDTO & { order: OrderSummary | null })[]> {
  if (!authorizations.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "return_authorization",
    fields: ["id", "order.id", "order.display_id", "order.email"],
    filters: { id: authorizations.map((authorization) => authorization.id) },
  })
  const orderOf = new Map((data as any[]).map((row) => [row.id, row.order ?? null]))
  return authorizations.map((authorization) => ({
    ...authorization,
    order: orderOf.get(authorization.id) ?? null,
  }))
}

/** Drops storage columns (`raw_*` amounts, `deleted_at`) the API does not promise. */
function withoutStorage<T extends object>(row: T): T {
  return Object.fromEntries(
    Object.entries(row).filter(([key]) => !key.startsWith("raw_") && key !== "deleted_at")
  ) as T
}

function present(authorization: ReturnAuthorizationDTO): ReturnAuthorizationDTO {
  return {
    ...withoutStorage(authorization),
    items: [...(authorization.items ?? [])]
      .sort(
        (a, b) =>
          String(a.created_at).localeCompare(String(b.created_at)) || a.id.localeCompare(b.id)
      )
      .map(withoutStorage),
  }
}

/** Authorizations with their items and order, in the list's order (ties by id). */
export async function listReturnAuthorizations(
  container: MedusaContainer,
  params: AdminGetReturnAuthorizationsParamsType,
  page: { skip: number; take: number; order: ListOrder }
) {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const filters: Record<string, string[]> = {}
  for (const key of ["order_id", "location_id", "number", "state"] as const) {
    const values = asArray(params[key] as string | string[] | undefined)
    if (values) {
      filters[key] = values
    }
  }
  const { field, direction } = page.order
  const [authorizations, count] = await stockroom.listAndCountReturnAuthorizations(filters, {
    relations: ["items"],
    skip: page.skip,
    take: page.take,
    order: { [field]: direction, id: direction },
  })
  return {
    return_authorizations: await withOrders(
      container,
      (authorizations as unknown as ReturnAuthorizationDTO[]).map(present)
    ),
    count,
  }
}

/** One authorization with its items, order and the movements it wrote. */
export async function retrieveReturnAuthorization(container: MedusaContainer, id: string) {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const authorization = await stockroom.retrieveReturnAuthorizationWithItems(id)
  const movements = (await stockroom.listStockMovements(
    { originator_type: "return_authorization", originator_id: id },
    { take: null, order: { created_at: "ASC", id: "ASC" } }
  )) as StockMovementDTO[]
  const [withOrder] = await withOrders(container, [present(authorization)])
  return { ...withOrder, movements }
}
