#!/bin/sh
# Kept for old habits: the harness is bench/bench.py (see bench/README.md).
exec python3 "$(dirname "$0")/bench.py" "$@"
