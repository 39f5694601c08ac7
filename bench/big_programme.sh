#!/usr/bin/env bash
# bench/big_programme.sh: a large programme's landing view, a day's grid and
# the whole programme on a phone under Lighthouse's mobile emulation (issue
# 16): bytes, elements, DOMContentLoaded. See bench/big_programme.py.
#
#   bench/big_programme.sh [--sessions 900 --rooms 40 --rounds 5 --shots DIR]
#   bench/big_programme.sh --sessions 0     (the demo conference, not scaled)
set -euo pipefail
# shellcheck source=../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
root=$CONFSCHED_ROOT
build=${CONFSCHED_BUILD_DIR:-$root/build}
export CONFSCHED_BIN=${CONFSCHED_BIN:-$build/confsched} CONFSCHED_SOURCE_DIR=$root PYTHONDONTWRITEBYTECODE=1
exec python3 "$root/bench/big_programme.py" --node-dir "$build/tests/browser/node" "$@"
