import { spawn } from "child_process"
import path from "path"
import { FIXTURE_STORE } from "../helpers/store"

jest.setTimeout(120000)

const medusaBin = path.resolve(__dirname, "../../node_modules/.bin/medusa")

/**
 * Starts the fixture store with the given plugin options as a real process
 * and collects its output until it exits (or is killed after a timeout).
 */
function startStore(options: Record<string, unknown>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(medusaBin, ["start"], {
      cwd: FIXTURE_STORE,
      env: {
        ...process.env,
        NODE_ENV: "development",
        NODE_OPTIONS: "",
        PORT: "9561",
        DATABASE_URL: `postgres://${process.env.DB_USERNAME || "postgres"}${
          process.env.DB_PASSWORD ? `:${process.env.DB_PASSWORD}` : ""
        }@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}/postgres`,
        STOCKROOM_TEST_OPTIONS: JSON.stringify(options),
      },
      detached: true,
    })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {
        // already gone
      }
    }, 90000)
    child.on("exit", (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

describe("plugin options at boot", () => {
  it("refuses to boot with a wrongly typed option and names it", async () => {
    const { code, output } = await startStore({ allow_backorders: "yes" })
    expect(code).not.toBe(0)
    expect(code).not.toBeNull()
    expect(output).toContain(
      'option "allow_backorders" must be a boolean, got "yes"'
    )
  })

  it("refuses to boot with an unknown option and names it", async () => {
    const { code, output } = await startStore({ allow_backorder: true })
    expect(code).not.toBe(0)
    expect(code).not.toBeNull()
    expect(output).toContain('unknown option "allow_backorder"')
  })
})
