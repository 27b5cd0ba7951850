#!/usr/bin/env bash
# Browser tests of the analyst page: Debian's Chromium, headless, driven by
# playwright-core (a devDependency; no browser is downloaded), against
# `claimtrace serve` over a temporary database of the sample corpus (and the
# seed article when ../shared/seed is beside the repository).
#
#   scripts/browser-test.sh            # the tests in web/tests/*.test.mjs
#   CLAIMTRACE_BIN=path/to/claimtrace scripts/browser-test.sh
#
# Screenshots: bench-out/screenshots/*.png; with CT_SHOWCASE=bosphorus-review-opinion.md
# the view of that sample opinion piece is copied
# to docs/screenshot-article.png (shown in the README). Prints "N passed,
# N failed" last and exits non-zero when a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

say() { echo "browser-test: $*" >&2; }

# 1. Chromium from Debian.
if ! command -v chromium >/dev/null 2>&1; then
  say "installing Debian's chromium"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  fi
fi
CHROMIUM=$(command -v chromium)
# /usr/bin/chromium is a wrapper script; Playwright wants it as is (it passes the flags through).
export CHROMIUM

# 2. The page's npm packages (playwright-core among them) and the built page.
if [ ! -d web/node_modules/playwright-core ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  say "installing the web page's npm packages"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi

# 3. The page, rebuilt when its sources are newer than the build.
if [ ! -f web/dist/index.html ] ||
  [ -n "$(find web/src web/index.html web/package.json web/vite.config.js -newer web/dist/index.html 2>/dev/null | head -1)" ]; then
  say "building the web page"
  if ! (cd web && npm run build --silent); then
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# 4. The binary, which embeds the page: built when missing, or when it is
# older than the page (unless CLAIMTRACE_BIN names one to use as it is).
BIN=${CLAIMTRACE_BIN:-${CARGO_TARGET_DIR:-target}/debug/claimtrace}
if [ ! -x "$BIN" ] || { [ -z "${CLAIMTRACE_BIN:-}" ] && [ web/dist/index.html -nt "$BIN" ]; }; then
  say "building $BIN"
  if ! cargo build -p claimtrace; then
    say "the build failed"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# 5. A temporary database and a server on a free loopback port, stopped on exit.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/claimtrace-browser.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db="$tmp/browser.db"
inputs=(samples/corpus)
seed_doc=""
if [ -f ../shared/seed/exporting-war.txt ]; then
  inputs+=(../shared/seed/exporting-war.txt)
  seed_doc=exporting-war.txt
fi
# CT_SHOWCASE=<doc id> shows another article (the README's screenshot is of
# the project's own sample opinion piece: CT_SHOWCASE=bosphorus-review-opinion.md).
seed_doc=${CT_SHOWCASE:-$seed_doc}
say "ingesting ${inputs[*]}"
if ! "$BIN" ingest --db "$db" --no-progress "${inputs[@]}" 2>"$tmp/ingest.log"; then
  # A bad file in a batch is reported and skipped; only an empty database stops the tests.
  cat "$tmp/ingest.log" >&2
fi
tail -n 1 "$tmp/ingest.log" >&2

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null ||
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
url="http://127.0.0.1:$port"
"$BIN" serve --db "$db" --addr "127.0.0.1:$port" --token "$token" 2>"$tmp/serve.log" &
server_pid=$!
for _ in $(seq 1 100); do
  if node -e "fetch('$url/api/docs?limit=1').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$tmp/serve.log" >&2
    say "the server did not start"
    echo "0 passed, 1 failed"
    exit 1
  fi
  sleep 0.1
done
if ! node -e "fetch('$url/').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
  say "$BIN serves no page: build it with (cd web && npm run build) before cargo build"
  echo "0 passed, 1 failed"
  exit 1
fi
say "serving $db on $url"

# 6. The tests.
shots="$root/bench-out/screenshots"
mkdir -p "$shots"
# One file at a time: they share the database, and the hostile tests add to it.
set +e
(
  cd web
  CT_URL="$url" CT_TOKEN="$token" CT_SEED_DOC="$seed_doc" CT_SCREENSHOTS="$shots" \
    node --test --test-concurrency=1 --test-reporter=spec tests/
) 2>&1 | tee "$tmp/test.log"
status=${PIPESTATUS[0]}
set -e

# The sample opinion piece's view goes to the README (the seed article is
# not the project's to publish).
if [ "$seed_doc" = bosphorus-review-opinion.md ] && [ -f "$shots/article-seed.png" ]; then
  mkdir -p docs
  cp "$shots/article-seed.png" docs/screenshot-article.png
  say "docs/screenshot-article.png updated ($(wc -c <docs/screenshot-article.png) bytes)"
fi

# node's summary reads "ℹ pass N" / "ℹ fail N"; restate it on one line.
passed=$(sed -n 's/^[^a-z]*pass \([0-9][0-9]*\)$/\1/p' "$tmp/test.log" | tail -n 1)
failed=$(sed -n 's/^[^a-z]*fail \([0-9][0-9]*\)$/\1/p' "$tmp/test.log" | tail -n 1)
passed=${passed:-0}
failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
