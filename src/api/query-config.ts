/**
 * Stockroom's list routes shape their own rows, so the query config only
 * turns on paging (`offset`, `limit`, `order`) without default fields.
 */
export const listQueryConfig = { defaults: [], isList: true }
