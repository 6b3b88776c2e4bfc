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
