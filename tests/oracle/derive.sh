#!/usr/bin/env sh
# Re-derive tests/data/expected/*.json from tshark for every capture in
# samples/ and in the shared real captures folder (skipped when absent).
#   tests/oracle/derive.sh [SHARED_CAPTURES_DIR]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHARED=${1:-$HERE/../../../shared/captures}
exec python3 "$HERE/derive.py" --out "$ROOT/tests/data/expected" "$ROOT/samples" "$SHARED"
