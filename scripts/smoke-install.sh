#!/usr/bin/env bash
# Proves the packed plugin installs into a fresh Medusa store: builds and packs
# the plugin, makes a store in a temp dir, installs the tarball (peer deps must
# resolve as they are), migrates, builds the store with its admin, boots it and
# calls the plugin's admin route with and without a logged-in admin.
#
# Needs a running PostgreSQL whose user may CREATE DATABASE (DB_HOST, DB_PORT,
# DB_USERNAME, DB_PASSWORD; default localhost:5432, postgres, no password).
# Unlike the test suite there is no embedded fallback.
#
# Env: SMOKE_PORT (default 9123 if free, else any free port),
#      SMOKE_KEEP=1 keeps the temp dir for inspection (the database is still dropped),
#      SMOKE_BOOT_TIMEOUT seconds to wait for /health (default 240).
set -euo pipefail

MEDUSA_VERSION=2.21.2
MEDUSA_UI_VERSION=4.2.6
PLUGIN_NAME=medusa-plugin-stockroom

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HELPERS="$REPO_ROOT/scripts/smoke"

export DB_HOST=${DB_HOST:-localhost}
export DB_PORT=${DB_PORT:-5432}
export DB_USERNAME=${DB_USERNAME:-postgres}
export DB_PASSWORD=${DB_PASSWORD:-}
BOOT_TIMEOUT=${SMOKE_BOOT_TIMEOUT:-240}

# Keep Medusa from phoning home and from picking up a caller's store settings.
export MEDUSA_DISABLE_TELEMETRY=true DO_NOT_TRACK=1
unset DATABASE_URL NODE_ENV PORT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
fmt_ms() { printf '%d.%ds' $(( $1 / 1000 )) $(( ($1 % 1000) / 100 )); }

T_START=$(now_ms)
PHASE=""
PHASE_T0=0
PHASE_NAMES=()
PHASE_TIMES=()
WORK=""
DB_NAME=""
DB_CREATED=0
SERVER_PID=""

phase() {
  PHASE=$1
  PHASE_T0=$(now_ms)
  echo
  echo "==> $PHASE"
}

phase_done() {
  local dt=$(( $(now_ms) - PHASE_T0 ))
  PHASE_NAMES+=("$PHASE")
  PHASE_TIMES+=("$dt")
  echo "    ok ($(fmt_ms "$dt"))"
  PHASE=""
}

die() {
  echo "!! ${PHASE:-setup}: $*" >&2
  exit 1
}

# Runs a command with its output in $WORK/logs/NAME.log; on failure shows the
# log's tail so the reason is in the console, not only in a deleted temp dir.
run_logged() {
  local name=$1
  shift
  local log="$WORK/logs/$name.log"
  if ! "$@" >"$log" 2>&1; then
    echo "!! '$*' failed; last lines of $name.log:" >&2
    tail -n 60 "$log" | sed 's/^/   | /' >&2
    return 1
  fi
}

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  # The server runs in its own process group (setsid): signal the whole group
  # so nothing it spawned outlives the run.
  if kill -0 -- "-$SERVER_PID" 2>/dev/null; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 -- "-$SERVER_PID" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 -- "-$SERVER_PID" 2>/dev/null; then
      echo "    server ignored SIGTERM for 15s; killing it"
      kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
    fi
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  local failed_phase=$PHASE
  if [ -n "$failed_phase" ]; then
    PHASE_NAMES+=("$failed_phase (FAILED)")
    PHASE_TIMES+=("$(( $(now_ms) - PHASE_T0 ))")
  fi
  if [ "$rc" -ne 0 ] && [ -n "$SERVER_PID" ] && [ -f "$WORK/logs/server.log" ]; then
    echo "!! last lines of the server log:" >&2
    tail -n 60 "$WORK/logs/server.log" | sed 's/^/   | /' >&2
  fi

  PHASE="cleanup"
  PHASE_T0=$(now_ms)
  echo
  echo "==> cleanup"
  stop_server
  if [ "$DB_CREATED" = 1 ]; then
    node "$HELPERS/db.js" drop "$DB_NAME" || echo "    could not drop database $DB_NAME: drop it by hand"
  fi
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    if [ "${SMOKE_KEEP:-0}" = 1 ]; then
      echo "    kept $WORK"
    else
      rm -rf "$WORK"
    fi
  fi
  PHASE_NAMES+=("cleanup")
  PHASE_TIMES+=("$(( $(now_ms) - PHASE_T0 ))")

  local total=$(( $(now_ms) - T_START ))
  echo
  echo "Phase timings:"
  local i
  for i in "${!PHASE_NAMES[@]}"; do
    printf '  %-40s %8s\n' "${PHASE_NAMES[$i]}" "$(fmt_ms "${PHASE_TIMES[$i]}")"
  done
  printf '  %-40s %8s\n' "total" "$(fmt_ms "$total")"
  echo
  if [ "$rc" -eq 0 ]; then
    echo "SMOKE-INSTALL PASS: $PLUGIN_NAME installs, migrates and boots in a fresh Medusa $MEDUSA_VERSION store ($(fmt_ms "$total"))"
  else
    echo "SMOKE-INSTALL FAIL: ${failed_phase:-setup} (exit $rc, $(fmt_ms "$total"))"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
phase "preflight"
command -v node >/dev/null || die "node is not on PATH"
[ -d "$REPO_ROOT/node_modules/@medusajs/cli" ] || die "run 'npm ci' in $REPO_ROOT first"
if ! node "$HELPERS/db.js" ping 2>/dev/null; then
  die "no PostgreSQL answers at $DB_HOST:$DB_PORT as $DB_USERNAME. smoke-install needs a running server (set DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD); it has no embedded fallback."
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stockroom-smoke.XXXXXX")
case "$WORK/" in
  "$REPO_ROOT"/*) die "temp dir $WORK is inside the repo; point TMPDIR elsewhere" ;;
esac
mkdir -p "$WORK/logs" "$WORK/pack" "$WORK/store"
STORE="$WORK/store"
PORT=$(node "$HELPERS/http.js" free-port "${SMOKE_PORT:-9123}")
BASE_URL="http://localhost:$PORT"
DB_NAME="stockroom_smoke_$(date +%s)_$$"
DATABASE_URL=$(node "$HELPERS/db.js" url "$DB_NAME")
PLUGIN_VERSION=$(node -p "require('$REPO_ROOT/package.json').version")
echo "    node $(node --version), npm $(npm --version); work dir $WORK; port $PORT; database $DB_NAME"
phase_done

# ---------------------------------------------------------------------------
phase "build plugin (npm run build)"
if ! (cd "$REPO_ROOT" && run_logged plugin-build npm run build); then
  # git keeps no empty folders, and the admin step of plugin:build needs src/admin.
  [ -d "$REPO_ROOT/src/admin" ] || echo "!! src/admin does not exist; medusa plugin:build needs it" >&2
  die "plugin build failed"
fi
phase_done

# ---------------------------------------------------------------------------
phase "pack and check tarball"
(cd "$REPO_ROOT" && run_logged pack npm pack --pack-destination "$WORK/pack") || die "npm pack failed"
TARBALL=$(ls "$WORK"/pack/*.tgz)
tar tzf "$TARBALL" >"$WORK/pack/listing.txt"
tar xzOf "$TARBALL" package/package.json >"$WORK/pack/package.json"
node "$HELPERS/check-pack.js" "$WORK/pack/listing.txt" "$WORK/pack/package.json" \
  || die "tarball contents are wrong (see above)"
echo "    $(basename "$TARBALL") ($(du -k "$TARBALL" | cut -f1) KiB)"
phase_done

# ---------------------------------------------------------------------------
phase "create store and database"
# What a Medusa $MEDUSA_VERSION store lists, plus everything the plugin
# declares as a peer, so the install below checks the peers as a real store would.
cat >"$STORE/package.json" <<EOF
{
  "name": "stockroom-smoke-store",
  "version": "0.0.1",
  "private": true,
  "scripts": {
    "build": "medusa build",
    "start": "medusa start",
    "dev": "medusa develop"
  },
  "dependencies": {
    "@medusajs/admin-sdk": "$MEDUSA_VERSION",
    "@medusajs/cli": "$MEDUSA_VERSION",
    "@medusajs/framework": "$MEDUSA_VERSION",
    "@medusajs/icons": "$MEDUSA_VERSION",
    "@medusajs/js-sdk": "$MEDUSA_VERSION",
    "@medusajs/medusa": "$MEDUSA_VERSION",
    "@medusajs/ui": "$MEDUSA_UI_VERSION"
  },
  "devDependencies": {
    "@medusajs/test-utils": "$MEDUSA_VERSION",
    "@swc/core": "^1.7.28",
    "@types/node": "^20.0.0",
    "@types/react": "^18.3.2",
    "@types/react-dom": "^18.2.25",
    "react": "^18.3.1",
    "react-dom": "^18.3.1",
    "ts-node": "^10.9.2",
    "typescript": "^5.6.2"
  },
  "engines": {
    "node": ">=20"
  }
}
EOF

cat >"$STORE/medusa-config.ts" <<'EOF'
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS!,
      adminCors: process.env.ADMIN_CORS!,
      authCors: process.env.AUTH_CORS!,
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  plugins: [
    {
      resolve: "medusa-plugin-stockroom",
      options: {
        allow_backorders: false,
        low_stock_threshold: 3,
        expose_stock_counts: false,
      },
    },
  ],
})
EOF
# What GET /admin/stockroom must echo back: the options above plus a default.
EXPECTED_OPTIONS='{"allow_backorders":false,"low_stock_threshold":3,"expose_stock_counts":false,"track_inventory_levels":true}'

cat >"$STORE/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "target": "ES2021",
    "esModuleInterop": true,
    "module": "Node16",
    "moduleResolution": "Node16",
    "emitDecoratorMetadata": true,
    "experimentalDecorators": true,
    "skipLibCheck": true,
    "skipDefaultLibCheck": true,
    "declaration": false,
    "sourceMap": false,
    "inlineSourceMap": true,
    "outDir": "./.medusa/server",
    "rootDir": "./",
    "jsx": "react-jsx",
    "forceConsistentCasingInFileNames": true,
    "resolveJsonModule": true,
    "checkJs": false,
    "strictNullChecks": true
  },
  "ts-node": { "swc": true },
  "include": ["**/*", ".medusa/types/*"],
  "exclude": ["node_modules", ".medusa/server", ".medusa/admin", ".cache"]
}
EOF
mkdir -p "$STORE/src/api" "$STORE/src/admin"

JWT_SECRET=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
COOKIE_SECRET=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
cat >"$STORE/.env" <<EOF
DATABASE_URL=$DATABASE_URL
STORE_CORS=http://localhost:8000
ADMIN_CORS=http://localhost:$PORT
AUTH_CORS=http://localhost:$PORT
JWT_SECRET=$JWT_SECRET
COOKIE_SECRET=$COOKIE_SECRET
EOF
# The started server reads these from the environment, not from .env.
export DATABASE_URL JWT_SECRET COOKIE_SECRET
export STORE_CORS=http://localhost:8000 ADMIN_CORS=http://localhost:$PORT AUTH_CORS=http://localhost:$PORT

node "$HELPERS/db.js" create "$DB_NAME" || die "could not create database $DB_NAME (does $DB_USERNAME have CREATEDB?)"
DB_CREATED=1
phase_done

# ---------------------------------------------------------------------------
phase "npm install <tarball> into the store"
# legacy-peer-deps is forced off so a user's npmrc cannot hide a peer conflict.
if ! (cd "$STORE" && run_logged store-install npm install --no-audit --no-fund \
      --legacy-peer-deps=false "$TARBALL"); then
  if grep -q "ERESOLVE" "$WORK/logs/store-install.log"; then
    echo "!! npm reports a peer-dependency conflict:" >&2
    grep '^npm error' "$WORK/logs/store-install.log" | sed '/Fix the upstream/q' | head -n 60 | sed 's/^/   | /' >&2
  fi
  die "npm install of the tarball failed"
fi
# npm can also settle a peer conflict with only a warning; that counts as a failure here.
if grep -E "ERESOLVE|overriding peer dependency|Conflicting peer dependency|peer dep missing" \
     "$WORK/logs/store-install.log" >"$WORK/logs/peer-warnings.log"; then
  echo "!! npm warned about peer dependencies:" >&2
  sed 's/^/   | /' "$WORK/logs/peer-warnings.log" | head -n 40 >&2
  die "peer-dependency warnings during install"
fi
INSTALLED_VERSION=$(node -p "require('$STORE/node_modules/$PLUGIN_NAME/package.json').version")
[ "$INSTALLED_VERSION" = "$PLUGIN_VERSION" ] \
  || die "store has $PLUGIN_NAME@$INSTALLED_VERSION, expected $PLUGIN_VERSION"
# Unmet or invalid peers of the plugin show up as npm ls errors.
(cd "$STORE" && run_logged store-ls npm ls "$PLUGIN_NAME" @medusajs/framework @medusajs/medusa @medusajs/ui react react-dom) \
  || die "npm ls reports problems in the installed tree"
(cd "$STORE" && node -e "require.resolve('$PLUGIN_NAME/admin'); require.resolve('$PLUGIN_NAME/package.json')") \
  || die "the store cannot resolve $PLUGIN_NAME/admin"
echo "    $PLUGIN_NAME@$INSTALLED_VERSION installed; $(grep -Eo 'added [0-9]+ packages' "$WORK/logs/store-install.log" || true)"
phase_done

MEDUSA="$STORE/node_modules/.bin/medusa"

# ---------------------------------------------------------------------------
phase "medusa db:migrate"
(cd "$STORE" && run_logged db-migrate "$MEDUSA" db:migrate) || die "db:migrate failed"
node "$HELPERS/db.js" has-table "$DB_NAME" stock_location_setting \
  || die "db:migrate did not create the plugin's stock_location_setting table"
echo "    stock_location_setting exists"
phase_done

# ---------------------------------------------------------------------------
phase "medusa build (backend + admin)"
(cd "$STORE" && run_logged store-build "$MEDUSA" build) || die "medusa build failed"
[ -f "$STORE/.medusa/server/public/admin/index.html" ] || die "medusa build produced no admin index.html"
phase_done

# ---------------------------------------------------------------------------
phase "boot store (medusa start)"
# medusa start runs from the build output like a deployment; it finds the
# store's node_modules one level up, so no second install is needed.
(
  cd "$STORE/.medusa/server"
  exec setsid "$MEDUSA" start --port "$PORT" >"$WORK/logs/server.log" 2>&1 </dev/null
) &
SERVER_PID=$!
node "$HELPERS/http.js" wait-health "$BASE_URL" "$BOOT_TIMEOUT" "$SERVER_PID" \
  || die "the store did not become healthy"
echo "    GET /health 200 on port $PORT"
phase_done

# ---------------------------------------------------------------------------
phase "plugin route checks"
node "$HELPERS/http.js" expect-status "$BASE_URL/admin/stockroom" 401 \
  || die "GET /admin/stockroom without auth should be 401"
echo "    GET /admin/stockroom without auth: 401"
ADMIN_EMAIL="smoke-admin@example.com"
ADMIN_PASSWORD=$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')
(cd "$STORE" && run_logged create-user "$MEDUSA" user -e "$ADMIN_EMAIL" -p "$ADMIN_PASSWORD") \
  || die "medusa user failed"
BODY=$(node "$HELPERS/http.js" check-admin "$BASE_URL" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" \
  "$PLUGIN_VERSION" "$EXPECTED_OPTIONS") || die "authenticated GET /admin/stockroom is wrong"
echo "    GET /admin/stockroom as admin: $BODY"
phase_done

PHASE=""
