#!/usr/bin/env bash
# Cold render of the whole programme (/schedule?view=all; --target for
# another /schedule query) for a ~900-session, 40-room conference (issue 4):
# imports the 31C3 frab schedule.xml into a private stack, enlarged with
# `confsched import frab-xml --scale 900:40`, and prints render_bench's
# figures, ending with one line
#   large_render target=/schedule?view=all sessions=900 rooms=40 rounds=200 mean_ms=X p50_ms=X p99_ms=X
#
#   bench/large_render.sh [--file F] [--sessions N] [--rooms N] [--rounds N] [--time-zone Z] [--target T]
#
# Uses $CONFSCHED_BUILD (default build/; configured as Release when absent)
# and the file in $CONFSCHED_FRAB_XML (default ../shared/data/31c3-schedule.xml).
set -euo pipefail
# shellcheck source=../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
root=$CONFSCHED_ROOT
build=${CONFSCHED_BUILD:-$root/build}

install_packages "${CONFSCHED_PACKAGES[@]}"

if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
# Always brought up to date: a stale binary would lack the import command.
# (confsched-demo: the stack loads the demo conference first.)
cmake --build "$build" -j2 --target confsched confsched-demo render_bench >/dev/null
export CONFSCHED_BIN=$build/confsched CONFSCHED_RENDER_BENCH=$build/bench/render_bench
export CONFSCHED_SOURCE_DIR=$root
exec python3 "$root/bench/large_render.py" "$@"
