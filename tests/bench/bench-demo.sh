#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Times `rapport-cli demo --members 100000 --activities 1000000` into an
# empty database (target: under 15 s).
#
# Usage: bench-demo.sh RAPPORT_CLI [MEMBERS ACTIVITIES]

set -euo pipefail

cli=$1
members=${2:-100000}
activities=${3:-1000000}
target=15

work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-bench-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT

label() {
  awk -v n="$1" 'BEGIN { if (n >= 1000000 && n % 1000000 == 0) printf "%dM", n / 1000000;
                         else if (n >= 1000 && n % 1000 == 0) printf "%dk", n / 1000;
                         else printf "%d", n }'
}

start=$(date +%s.%N)
"$cli" --db "$work/demo.db" demo --members "$members" --activities "$activities" > "$work/out.txt"
end=$(date +%s.%N)

seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
size=$(du -m "$work/demo.db" | cut -f1)

echo "rapport-cli says: $(cat "$work/out.txt")"
echo "demo $(label "$members")/$(label "$activities"): $seconds s (target < $target s)"
echo "database size: $size MB"
