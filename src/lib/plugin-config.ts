import { readFileSync } from "fs"
import { isAbsolute, join } from "path"

const PACKAGE_NAME = "medusa-plugin-stockroom"

type PluginEntry =
  | string
  | { resolve?: string; options?: Record<string, unknown> }

function packageNameAt(resolvePath: string, baseDir: string): string | undefined {
  if (resolvePath === PACKAGE_NAME) {
    return PACKAGE_NAME
  }
  const dir = isAbsolute(resolvePath) ? resolvePath : join(baseDir, resolvePath)
  try {
    return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name
  } catch {
    return undefined
  }
}

/**
 * The options a store gave this plugin in its medusa-config, read from the
 * loaded config. Hook files need them at import time, before any module or
 * container exists, to decide whether to register at all.
 */
export function readPluginOptionsFromConfig(): Record<string, unknown> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { configManager } = require("@medusajs/framework/config")
    const baseDir: string = configManager.baseDir ?? process.cwd()
    const plugins: PluginEntry[] = configManager.config?.plugins ?? []
    for (const entry of plugins) {
      const resolve = typeof entry === "string" ? entry : entry?.resolve
      if (resolve && packageNameAt(resolve, baseDir) === PACKAGE_NAME) {
        return typeof entry === "string" ? {} : entry.options ?? {}
      }
    }
  } catch {
    // No config loaded (a unit test, say): the defaults apply.
  }
  return {}
}

/**
 * Whether Stockroom registers its own workflow-hook handlers. Medusa allows
 * one handler per hook per store; a store that needs the same hook sets
 * `register_workflow_hooks: false` and calls the exported handlers itself.
 */
export function shouldRegisterWorkflowHooks(): boolean {
  return readPluginOptionsFromConfig().register_workflow_hooks !== false
}
