/**
 * Installs the dependencies when they are missing (a fresh clone), so
 * `npm test` and `npm run demo` are the only commands a clone needs. npm's
 * own output goes to .logs/install.log and is shown only when installing
 * fails. Uses only Node's built-ins: it runs before anything is installed.
 */
const fs = require("fs")
const path = require("path")
const { createStages } = require("./stages")

async function ensureInstalled(root, name) {
  if (fs.existsSync(path.join(root, "node_modules", ".bin", "medusa"))) {
    return
  }
  const stages = createStages({ name, logFile: path.join(root, ".logs", "install.log") })
  const npm = process.platform === "win32" ? "npm.cmd" : "npm"
  const ok = await stages.run(
    "installing the dependencies (npm ci, about a minute)",
    npm,
    ["ci", "--no-audit", "--no-fund"],
    { cwd: root }
  )
  if (!ok) {
    process.exit(1)
  }
}

module.exports = { ensureInstalled }
