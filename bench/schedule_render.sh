#!/usr/bin/env bash
# Prints the size of /schedule and what one uncached render costs, against
# the database of a running quickstart (scripts/quickstart first).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
config=${1:-$root/var/confsched.ini}
[ -f "$config" ] || { echo "no $config: run scripts/quickstart first" >&2; exit 1; }
cmake --build "$root/build" --target render_bench -j"$(nproc)" >/dev/null
"$root/build/bench/render_bench" "$config" "${2:-50}"
