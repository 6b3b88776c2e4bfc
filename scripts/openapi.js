#!/usr/bin/env node
/**
 * npm run openapi: writes openapi.json (the OpenAPI 3.1 document of every
 * Stockroom route) and src/client/operations.ts (the typed client's route
 * table) from the operations each route folder declares in its openapi.ts.
 *
 * `--check` writes nothing and exits 1 when a committed file is not current.
 */
const fs = require("fs")
const path = require("path")

const root = path.resolve(__dirname, "..")
require("ts-node").register({
  transpileOnly: true,
  swc: true,
  project: path.join(root, "tsconfig.json"),
  compilerOptions: { module: "commonjs", moduleResolution: "node" },
})
const { generatedFiles } = require("../src/openapi/generate")

const check = process.argv.includes("--check")
let stale = 0
for (const [file, content] of Object.entries(generatedFiles(root))) {
  const target = path.join(root, file)
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : null
  if (current === content) {
    continue
  }
  if (check) {
    console.error(`${file} is not current: run npm run openapi`)
    stale++
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, content)
    console.log(`wrote ${file}`)
  }
}
process.exit(stale ? 1 : 0)
