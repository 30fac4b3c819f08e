#!/usr/bin/env bash
# Times the README's run command: launch `bin/storefront` (fresh sandbox data dir) to the first 200 on `/`.
# Usage: benchmarks/scripts/time-bin-storefront.sh [RUNS]   (run once before to build the jar and its CDS archive)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs=${1:-3}
for i in $(seq 1 "$runs"); do
  port=$((18080 + i))
  data=$(mktemp -d)
  start=$(date +%s.%N)
  AUTH_SECRET=bench-secret-0123456789abcdef0123456789 bin/storefront --port "$port" --data "$data" >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "bin/storefront exited before serving /" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s.%N)
  echo "startup.bin_storefront.run$i.seconds=$(echo "$end - $start" | bc)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
