#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
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

# The same work as rapport-cli, done by the shell: the rows land in the
# Rapport schema (organizations, members with the search index, emails,
# handles, tags) in one transaction, children before members as the
# importer does. Quoting rules and tag splitting are simplified; the
# comparison is of the database work.
"$cli" --db "$work/shell.db" stats > /dev/null
header=$(head -1 "$work/members.csv" | tr -d '\r')
platforms=""
for column in $(echo "$header" | tr ',' '\n' | tr -d '"' | tr ' ' '_'); do
  case "$column" in
    github|gitlab|twitter|mastodon|discourse|slack|discord|matrix|linkedin|reddit|meetup|bluesky|telegram|stackoverflow|youtube|hubspot)
      platforms="$platforms $column" ;;
  esac
done
{
  echo ".import --csv --schema temp $work/members.csv t"
  echo "PRAGMA foreign_keys = ON;"
  echo "BEGIN;"
  echo "PRAGMA defer_foreign_keys = ON;"
  echo "INSERT OR IGNORE INTO organizations (name) SELECT DISTINCT Organization FROM t WHERE Organization <> '';"
  echo "INSERT INTO emails (member_id, address, is_primary) SELECT rowid, Email, 1 FROM t WHERE Email <> '';"
  for p in $platforms; do
    echo "INSERT INTO identities (member_id, platform, handle) SELECT rowid, '$p', \"$p\" FROM t WHERE \"$p\" <> '';"
  done
  echo "INSERT OR IGNORE INTO tags (name) SELECT DISTINCT value FROM t, json_each ('[\"' || replace (Tags, '; ', '\",\"') || '\"]') WHERE Tags <> '';"
  echo "INSERT INTO member_tags (member_id, tag_id) SELECT t.rowid, tags.id FROM t, json_each ('[\"' || replace (Tags, '; ', '\",\"') || '\"]') j JOIN tags ON tags.name = j.value WHERE Tags <> '';"
  echo "INSERT INTO members (id, name, sort_name, organization_id, title, location, phone, stage_id)"
  echo "  SELECT rowid, Name, lower (Name), (SELECT id FROM organizations WHERE name = Organization), Title, Location, Phone,"
  echo "         coalesce ((SELECT id FROM pipeline_stages WHERE name = Stage), 1) FROM t;"
  echo "COMMIT;"
} > "$work/same-work.sql"

start=$(now)
"$sqlite" "$work/shell.db" < "$work/same-work.sql"
end=$(now)
same=$(elapsed "$start" "$end")
same_rows=$("$sqlite" "$work/shell.db" "SELECT count(*) FROM members")
same_ratio=$(awk -v a="$rapport" -v b="$same" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
echo "import sqlite3 shell doing the same work (schema, search index; $same_rows members): $same s"
echo "import ratio against the same work: ${same_ratio}x"
