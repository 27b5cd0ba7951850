#!/bin/sh
# Seconds and peak memory of `claimtrace extract` on inputs that used to
# cost super-linear time: deeply nested and unclosed HTML, long texts with
# and without sentence breaks, a large feed. Prints one line per input:
#   NAME  BYTES  SECONDS  PEAK_RSS_MB  CLAIMS
# Usage: bench/pathological.sh [path/to/claimtrace]   (default: target/release/claimtrace)
# Needs python3 and GNU time (/usr/bin/time).
set -eu
BIN=${1:-${CARGO_TARGET_DIR:-target}/release/claimtrace}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
python3 - "$DIR" <<'PY'
import random, sys
d = sys.argv[1]
random.seed(1)
w = "the army said drones struck a depot near the town of Gao on Monday while officials in Kyiv denied any role in the attack by 300 UAVs".split()
def sentences(n):
    out, t = [], 0
    while t < n:
        s = " ".join(random.choice(w) for _ in range(random.randint(8, 25))).capitalize() + ". "
        out.append(s); t += len(s)
    return "".join(out)
open(f"{d}/nested-100k.html", "w").write("<html><body>" + "<div>" * 100000 + "Troops advanced on the town." + "</div>" * 100000 + "</body></html>")
open(f"{d}/unclosed-100k.html", "w").write("<html><body>" + "<div><span><b>" * 33334 + "Troops advanced.</body></html>")
open(f"{d}/text-2mb.txt", "w").write(sentences(2_000_000))
open(f"{d}/text-20mb.txt", "w").write(sentences(20_000_000))
open(f"{d}/nobreak-20mb.txt", "w").write(" ".join(random.choice(w) for _ in range(3_600_000))[:20_000_000])
items = "".join(f"<item><title>Report {i}</title><guid>g{i}</guid><description>In report {i}, armed men attacked a checkpoint near Gao, killing {3 + i % 40} soldiers, the army said.</description></item>" for i in range(100000))
open(f"{d}/feed-100k.xml", "w").write('<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>' + items + "</channel></rss>")
PY
printf '%-20s %10s %8s %8s %12s %8s\n' input bytes seconds cpu_user peak_rss_mb claims
for f in nested-100k.html unclosed-100k.html text-2mb.txt text-20mb.txt nobreak-20mb.txt feed-100k.xml; do
  /usr/bin/time -f '%e %U %M' -o "$DIR/time" "$BIN" extract --max-bytes 100000000 "$DIR/$f" > "$DIR/out.jsonl"
  read -r secs user kb < "$DIR/time"
  printf '%-20s %10s %8s %8s %12s %8s\n' "$f" "$(wc -c < "$DIR/$f")" "$secs" "$user" "$((kb / 1024))" "$(wc -l < "$DIR/out.jsonl")"
done
