import fs from "fs"
import path from "path"
import type { StockroomOperation } from "./define"

/** Every `openapi.ts` under `src/api`, relative to the project root, sorted. */
export function operationFiles(root: string): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && entry.name !== "__tests__") {
        walk(full)
      } else if (entry.name === "openapi.ts") {
        found.push(path.relative(root, full).split(path.sep).join("/"))
      }
    }
  }
  walk(path.join(root, "src", "api"))
  return found.sort()
}

/**
 * Every declared operation, with the file declaring it. Needs a TypeScript
 * loader (jest's transform, or ts-node in scripts/openapi.js).
 */
export function collectOperations(
  root: string
): { file: string; operations: readonly StockroomOperation[] }[] {
  return operationFiles(root).map((file) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const declared = require(path.join(root, file)).operations
    if (!Array.isArray(declared)) {
      throw new Error(`${file} must export \`operations\` (defineOperations([...]))`)
    }
    return { file, operations: declared }
  })
}
