/**
 * Installs the dependencies when they are missing (a fresh clone), so
 * `npm test` and `npm run demo` are the only commands a clone needs. Uses
 * only Node's built-ins: it runs before anything is installed.
 */
const { spawnSync } = require("child_process")
const fs = require("fs")
const path = require("path")

function ensureInstalled(root) {
  if (fs.existsSync(path.join(root, "node_modules", ".bin", "medusa"))) {
    return
  }
  console.log("Dependencies are not installed yet; running npm ci (about a minute).")
  const npm = process.platform === "win32" ? "npm.cmd" : "npm"
  const options = { cwd: root, stdio: "inherit" }
  let result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], options)
  if (result.status !== 0) {
    // npm ci refuses a lock file written on another platform (its optional
    // native packages differ); npm install reads the same lock file.
    console.log("npm ci refused the lock file; installing from it with npm install")
    result = spawnSync(npm, ["install", "--no-audit", "--no-fund"], options)
  }
  if (result.status !== 0) {
    console.error("Installing the dependencies failed; see the npm output above.")
    process.exit(1)
  }
}

module.exports = { ensureInstalled }
