import path from "path"
import { defineConfig, Modules } from "@medusajs/framework/utils"

// The demo store: Medusa's defaults plus the plugin from this repository,
// loaded from its built output (`.medusa/server`) the way a store loads it
// from npm. `npm run demo` sets DATABASE_URL and builds the plugin first.
const repositoryRoot = path.resolve(__dirname, "..")
const adminOrigin = `http://localhost:${process.env.PORT || 9000}`

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      jwtSecret: process.env.JWT_SECRET || "stockroom-demo",
      cookieSecret: process.env.COOKIE_SECRET || "stockroom-demo",
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || adminOrigin,
      authCors: process.env.AUTH_CORS || `http://localhost:8000,${adminOrigin}`,
    },
  },
  admin: {
    // Packages resolve from the repository's node_modules, outside this
    // folder: the admin's dev server must be allowed to serve files from
    // there (the dashboard's fonts are refused otherwise). Its dependency
    // cache goes to the git-ignored .demo/ rather than in here.
    vite: () => ({
      cacheDir: path.join(repositoryRoot, ".demo", "vite"),
      server: { fs: { allow: [repositoryRoot] } },
    }),
  },
  // Medusa's local notification provider writes notifications to the log:
  // `email` for Stockroom's back-in-stock emails, `feed` for the admin's
  // bell (providers replace Medusa's default list, so feed is kept here).
  modules: {
    [Modules.NOTIFICATION]: {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { channels: ["email", "feed"] },
          },
        ],
      },
    },
  },
  plugins: [
    {
      resolve: repositoryRoot,
      options: {
        // Low enough that a few seeded variants show up as low stock.
        low_stock_threshold: 5,
        // A seeded cart holds stock at checkout; an hour keeps it visible while you look around.
        checkout_hold_minutes: 60,
      },
    },
  ],
})
