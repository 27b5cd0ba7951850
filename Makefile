# Two commands do all the set-up on a fresh machine:
#   make demo   the web page over the bundled sample corpus (embedded SQLite store)
#   make test   every test: Rust unit/integration/property tests and browser tests
#
# Everything else here is a step of those two.

CARGO ?= cargo
DEMO_DB ?= demo.db
ADDR ?= 127.0.0.1:8080
SEED ?= ../shared/seed/exporting-war.txt
BIN = $${CARGO_TARGET_DIR:-target}/release/claimtrace

.PHONY: demo test setup build rust-test browser-test bench eval clean-demo

setup:
	scripts/setup.sh

build: setup
	$(CARGO) build --release --locked

# Ingest the sample corpus (and the seed article when it is beside the repo),
# show what was found, then serve the page.
demo: build
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

bench: build
	$(BIN) bench

eval: build
	$(BIN) eval --write EVALUATION.md
