#!/usr/bin/env node
// Checks what `npm pack` put in the tarball: what a store needs is there,
// and nothing from the repo's tests, demo or TypeScript sources leaks in.
//   node check-pack.js LISTING PACKAGE_JSON
// LISTING is `tar tzf` output; PACKAGE_JSON is the packed package.json.
"use strict"
const fs = require("fs")

const [listingFile, pkgFile] = process.argv.slice(2)
const files = fs
  .readFileSync(listingFile, "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.endsWith("/"))
  .map((l) => l.replace(/^package\//, ""))
const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8"))
const problems = []

const has = (re) => files.some((f) => re.test(f))
const need = (re, what) => {
  if (!has(re)) problems.push(`missing ${what}`)
}

need(/^package\.json$/, "package.json")
need(/^README(\.[a-z]+)?$/i, "README")
need(/^LICEN[CS]E(\.[a-z]+)?$/i, "LICENSE")
need(/^\.medusa\/server\/src\/.+\.js$/, "compiled plugin (.medusa/server/src/**/*.js)")
need(/^\.medusa\/server\/src\/modules\/[^/]+\/index\.js$/, "a module entry (.medusa/server/src/modules/*/index.js)")
need(/^\.medusa\/server\/src\/modules\/[^/]+\/migrations\/[^/]+\.js$/, "compiled migrations")
need(/^\.medusa\/server\/src\/api\/.+\/route\.js$/, "compiled API routes")

// Every concrete target in the exports map must be in the tarball, or a
// store fails to resolve it (the admin entry in particular).
function targets(value) {
  if (typeof value === "string") return [value]
  if (value && typeof value === "object") return Object.values(value).flatMap(targets)
  return []
}
for (const [key, value] of Object.entries(pkg.exports || {})) {
  for (const target of targets(value)) {
    if (target.includes("*")) continue
    const rel = target.replace(/^\.\//, "")
    if (!files.includes(rel)) problems.push(`exports["${key}"] points at ${target}, which is not packed`)
  }
}

const forbidden = [
  [/(^|\/)__tests__\//, "test folders (__tests__)"],
  [/(^|\/)integration-tests\//, "integration-tests"],
  [/^demo\//, "demo/"],
  [/^scripts\//, "scripts/"],
  [/^src\//, "TypeScript sources (src/)"],
  [/(?<!\.d)\.tsx?$/, "TypeScript source files"],
  [/\.(spec|test)\.[cm]?[jt]sx?$/, "test files (*.spec / *.test)"],
  [/(^|\/)node_modules\//, "node_modules"],
  [/(^|\/)\.env(\.|$)/, ".env files"],
  [/\.tgz$/, "tarballs"],
]
for (const [re, what] of forbidden) {
  const hits = files.filter((f) => re.test(f))
  if (hits.length) {
    problems.push(`contains ${what}: ${hits.slice(0, 5).join(", ")}${hits.length > 5 ? ` (+${hits.length - 5} more)` : ""}`)
  }
}

console.log(`tarball: ${files.length} files`)
if (problems.length) {
  for (const p of problems) console.error(`  - ${p}`)
  process.exit(1)
}
