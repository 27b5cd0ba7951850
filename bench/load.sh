#!/usr/bin/env bash
# Load benchmark of `claimtrace serve` on loopback: requests/s and latency
# (p50, p99) for a search, a filtered listing and an event's detail, with the
# server's memory and thread count before and after. Bounded: each endpoint
# runs for DURATION seconds with CONNECTIONS open connections, against
# 127.0.0.1 only.
#
#   bash bench/load.sh                 # 3,000 generated documents
#   DOCS=10000 DURATION=20 bash bench/load.sh
#
# Needs `wrk` (Debian: apt-get install wrk) and python3; builds the release
# binary. The database is kept in bench-out/ and reused when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS=${DOCS:-3000}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-18080}
OUT=bench-out
DB=$OUT/load-$DOCS.db
BIN=${CARGO_TARGET_DIR:-target}/release/claimtrace

command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
cargo build --release -p claimtrace >/dev/null
mkdir -p "$OUT"

if [ ! -s "$DB" ]; then
  # Articles sharing actors, places and days, so corroboration builds events
  # of many reports, with contradicting numbers.
  python3 - "$DOCS" > "$OUT/load-$DOCS.jsonl" <<'PY'
import json, sys
n = int(sys.argv[1])
places = ["Gao", "Kharkiv", "El Fasher", "Goma", "Hodeidah", "Kidal", "Omdurman", "Sanaa", "Belgorod", "Djibo"]
actors = ["the Rapid Support Forces", "JNIM fighters", "M23 rebels", "the Russian army", "Houthi forces", "the Malian army"]
outlets = ["Sahel Wire", "Frontline Bulletin", "Coastal Monitor", "Eastern Courier", "Delta Post"]
weapons = ["drones", "artillery shells", "rockets", "Shahed-136 drones", "mortars"]
for i in range(n):
    place, actor = places[i % len(places)], actors[(i // 3) % len(actors)]
    day = 1 + (i // 11) % 28
    text = (f"{actor} attacked an army checkpoint near {place} on June {day}, 2025, killing {3 + i % 17} soldiers, "
            f"the army said in a statement. Witnesses said the attackers used {2 + i % 7} {weapons[i % len(weapons)]}, "
            f"according to local officials. A spokesman for {actor} denied that the group had attacked civilians. "
            f"Analysts said the attack could signal a new offensive. Dispatch {i} was filed from the region.")
    print(json.dumps({"id": f"load-{i:05d}", "title": f"Attack near {place} ({i})", "outlet": outlets[i % len(outlets)],
                      "published": f"2025-06-{min(day + 1, 28):02d}", "text": text}))
PY
  "$BIN" ingest --db "$DB" --no-progress "$OUT/load-$DOCS.jsonl"
fi

"$BIN" serve --db "$DB" --addr "127.0.0.1:$PORT" 2>"$OUT/load-serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$PORT/api/docs?limit=1" >/dev/null 2>&1 && break
  sleep 0.1
done

usage() { # resident memory (MB) and threads of the server
  awk '/^VmRSS/ {rss=$2} /^Threads/ {t=$2} END {printf "rss %.1f MB, threads %d", rss/1024, t}' "/proc/$SERVER/status"
}

EVENT=$(curl -fs "http://127.0.0.1:$PORT/api/events?limit=5000" | python3 -c '
import json, sys
items = json.load(sys.stdin)["items"]
print(max(items, key=lambda e: e["totals"]["claims"])["id"])')
ENC_EVENT=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$EVENT")
BIG=$(curl -fs "http://127.0.0.1:$PORT/api/events/$ENC_EVENT" | python3 -c '
import json, sys
t = json.load(sys.stdin)["event"]["totals"]
print(t["claims"], "claims,", t["contradictions"], "contradictions")')

echo "database: $DOCS documents ($DB); largest event $EVENT: $BIG"
echo "server before: $(usage)"
printf '%-18s %10s %9s %9s %12s\n' endpoint "requests/s" "p50 ms" "p99 ms" "answer bytes"
run() { # name path
  local name=$1 path=$2 out
  local bytes
  bytes=$(curl -fs "http://127.0.0.1:$PORT$path" | wc -c)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$path")
  python3 - "$name" "$bytes" "$out" <<'PY'
import re, sys
name, size, out = sys.argv[1], sys.argv[2], sys.argv[3]
def ms(label):
    m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
note = f"  ({errors.group(1)} non-2xx)" if errors else ""
print(f"{name:<18} {rps:>10.0f} {ms('50%'):>9.1f} {ms('99%'):>9.1f} {size:>12}{note}")
PY
}
run search "/api/claims?q=checkpoint+soldiers&limit=50"
run "filtered list" "/api/claims?type=attack&actor=M23&since=2025-06-10&limit=50"
run "event detail" "/api/events/$ENC_EVENT"
echo "server after:  $(usage)"
