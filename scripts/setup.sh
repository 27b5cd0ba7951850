#!/usr/bin/env bash
# Set-up shared by `make demo` and `make test`; idempotent (a second run is
# quick). Fetches only from the npm registry: the web page's packages, then
# builds the page into web/dist (embedded into the binary when it is built).
# The GeoNames gazetteer is a later step (scripts/setup-data.sh, `make data`)
# because it needs the built binary.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f web/package.json ]; then
  if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    echo "setup: installing the web page's npm packages"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
  stamp=web/dist/.built
  if [ ! -f "$stamp" ] || [ -n "$(find web/src web/index.html web/package.json web/vite.config.* -newer "$stamp" 2>/dev/null | head -1)" ]; then
    echo "setup: building the web page"
    (cd web && npm run build --silent)
    touch "$stamp"
  fi
fi
