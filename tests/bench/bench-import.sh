#!/bin/bash
# Exports the members of a 100k sample community to CSV, then times
# `rapport-cli import members` of that file into an empty database beside
# `sqlite3 .import --csv` of the same file (target: at most 3× the shell).
#
# Usage: bench-import.sh RAPPORT_CLI SQLITE3 [MEMBERS]

set -euo pipefail

cli=$1
sqlite=$2
members=${3:-100000}
activities=$((members * 10))
target=3

work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-bench-import.XXXXXX")
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

"$cli" --db "$work/demo.db" demo --members "$members" --activities "$activities" > /dev/null
"$cli" --db "$work/demo.db" export members "$work/members.csv" > /dev/null
size=$(du -k "$work/members.csv" | cut -f1)
echo "CSV of $members members: $size kB"

# An empty, migrated database, so only the import is timed.
"$cli" --db "$work/empty.db" stats > /dev/null

start=$(now)
"$cli" --db "$work/empty.db" import members "$work/members.csv" > "$work/import.txt"
end=$(now)
rapport=$(elapsed "$start" "$end")
echo "rapport-cli says: $(cat "$work/import.txt")"

if [ ! -x "$sqlite" ]; then
  echo "import $members members: rapport-cli $rapport s (sqlite3 shell not found, no comparison)"
  exit 0
fi

start=$(now)
"$sqlite" "$work/raw.db" ".import --csv $work/members.csv t"
end=$(now)
shell=$(elapsed "$start" "$end")
shell_rows=$("$sqlite" "$work/raw.db" "SELECT count(*) FROM t")

ratio=$(awk -v a="$rapport" -v b="$shell" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
echo "import rapport-cli: $rapport s"
echo "import sqlite3 shell (.import --csv, $shell_rows rows): $shell s"
echo "import ratio: ${ratio}x (target <= ${target}x)"
