import { readdirSync, readFileSync, statSync } from "fs"
import { join, relative } from "path"
import { MEDUSA, MEDUSA_COLUMNS } from "../medusa-tables"

const SRC = join(__dirname, "..", "..", "..")

/** Stockroom's own tables: every model.define name in the module. */
function stockroomTables(): Set<string> {
  const modelsDir = join(__dirname, "..", "models")
  const names = new Set<string>()
  for (const file of readdirSync(modelsDir)) {
    const match = readFileSync(join(modelsDir, file), "utf8").match(/\.define\(\s*"(\w+)"/)
    if (match) {
      names.add(match[1])
    }
  }
  return names
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      return ["__tests__", "migrations", "admin"].includes(name) ? [] : sourceFiles(path)
    }
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

// Words and set-returning functions that may follow FROM / JOIN / UPDATE
// without being a table: `JOIN LATERAL (…)`, `FOR UPDATE SKIP LOCKED`,
// `FOR UPDATE OF si`, `FROM jsonb_to_recordset(?)`.
const SQL_WORDS = new Set(["LATERAL", "SKIP", "NOWAIT", "ONLY", "OF", "jsonb_to_recordset"])

describe("medusa-tables.ts", () => {
  it("is the only place SQL names a table that is not Stockroom's own", () => {
    const own = stockroomTables()
    expect(own.has("stock_movement")).toBe(true)
    const offenders: string[] = []
    for (const file of sourceFiles(SRC)) {
      if (file.endsWith("medusa-tables.ts")) {
        continue
      }
      const text = readFileSync(file, "utf8")
      // Names a statement may use besides tables: its CTEs (`name AS (`).
      const ctes = new Set([...text.matchAll(/(\w+) AS \(/g)].map((m) => m[1]))
      for (const match of text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+("?\w+"?)/g)) {
        const name = match[1].replace(/"/g, "")
        if (SQL_WORDS.has(name)) {
          continue
        }
        if (!own.has(name) && !ctes.has(name)) {
          offenders.push(`${relative(SRC, file)}: ${match[0]}`)
        }
      }
    }
    expect(offenders).toEqual([])
  })

  it("gives every listed table its SQL name", () => {
    expect(Object.keys(MEDUSA).sort()).toEqual(Object.keys(MEDUSA_COLUMNS).sort())
    expect(MEDUSA.order).toBe('"order"')
  })
})
