/** A query parameter given once (`?id=a`) or repeated (`?id=a&id=b`), as a list. */
export const asArray = (value?: string | string[]) =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value]
