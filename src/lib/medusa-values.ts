/**
 * Event payloads arrive as one object or a list of them; this gives the
 * string values of `key` across either shape.
 */
export function eventValues<K extends string>(
  data: Partial<Record<K, unknown>> | Partial<Record<K, unknown>>[] | undefined,
  key: K
): string[] {
  return (Array.isArray(data) ? data : [data])
    .map((entry) => entry?.[key])
    .filter((value): value is string => typeof value === "string")
}

/**
 * A quantity as Medusa's query returns it: a number, a numeric string, a
 * BigNumber (which `Number()` turns into NaN) or its raw `{value}` form.
 */
export function quantityOf(value: unknown): number {
  if (value !== null && typeof value === "object") {
    const big = value as { numeric?: unknown; value?: unknown }
    return Number(big.numeric ?? big.value)
  }
  return Number(value ?? 0)
}

const TRANSIENT = /connection (error|ended|terminated)|not queryable|terminating connection|deadlock detected|could not serialize|ECONNRESET/i

/**
 * Runs an event handler's work again when it failed for a reason that says
 * nothing about the data (a dropped database connection, a deadlock): the
 * local event bus does not redeliver, and a lost `order.return_received`
 * would leave units unreturned. The work is idempotent, so a retry after a
 * partial failure changes nothing twice.
 */
export async function retryTransient<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (err) {
      if (attempt >= attempts || !TRANSIENT.test(String((err as Error)?.message ?? err))) {
        throw err
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt))
    }
  }
}
