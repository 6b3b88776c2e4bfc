import Medusa from "@medusajs/js-sdk"
import { createStockroomClient } from "../../client"

/**
 * The admin's HTTP client, set up the way the dashboard sets up its own:
 * the backend URL and auth type come from globals the admin bundler defines
 * (a plugin cannot read `import.meta.env`), and a session cookie by default.
 */
export const backendUrl = __BACKEND_URL__ ?? "/"

export const sdk = new Medusa({
  baseUrl: backendUrl,
  auth: {
    type: __AUTH_TYPE__ ?? "session",
    jwtTokenStorageKey: __JWT_TOKEN_STORAGE_KEY__ || undefined,
  },
})

/** Stockroom's own routes, typed from their schemas (medusa-plugin-stockroom/client). */
export const stockroom = createStockroomClient(sdk)
