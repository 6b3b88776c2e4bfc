import { readFileSync } from "fs"
import { dirname, join } from "path"

const PACKAGE_NAME = "medusa-plugin-stockroom"
let cachedVersion: string | undefined

/** The installed plugin's version, from its own package.json. */
export function readPluginVersion(): string {
  if (cachedVersion) {
    return cachedVersion
  }
  // Source and built layouts sit at different depths, so walk up to our own
  // package.json rather than hard-coding a relative path.
  let dir = __dirname
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
      if (pkg.name === PACKAGE_NAME) {
        cachedVersion = String(pkg.version)
        return cachedVersion
      }
    } catch {
      // no package.json at this level
    }
    dir = dirname(dir)
  }
  cachedVersion = "unknown"
  return cachedVersion
}
