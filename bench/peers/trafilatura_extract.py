#!/usr/bin/env python3
"""Peer main-text extractor for `claimtrace eval html`: trafilatura.

Reads JSON Lines from stdin, one {"id": str, "html": str} per page, writes one
{"id": str, "text": str} per page to stdout (empty text when trafilatura finds
nothing), then one {"stats": {...}} line. Default extraction settings, plain
text output, as the benchmark's own trafilatura run. Install with
bench/peers/setup.sh; scoring is done by the Rust harness.
"""
import json
import sys
import time


def main():
    import trafilatura

    pages = [json.loads(line) for line in sys.stdin if line.strip()]
    t0 = time.perf_counter()
    for p in pages:
        text = trafilatura.extract(p["html"], output_format="txt") or ""
        sys.stdout.write(json.dumps({"id": p["id"], "text": text}) + "\n")
    stats = {
        "tool": "trafilatura " + trafilatura.__version__,
        "docs": len(pages),
        "seconds": time.perf_counter() - t0,
    }
    sys.stdout.write(json.dumps({"stats": stats}) + "\n")


if __name__ == "__main__":
    main()
