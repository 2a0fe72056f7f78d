#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Start-up of Rapport with 100,000 members against a bare libadwaita window:
# time from process start to the first frame (with rows, for Rapport) and
# resident memory then, the median of three runs each. Both programs print
# "first-frame-ms: N rss-kb: N" and exit when RAPPORT_BENCH_FIRST_FRAME=1.
# Page caches are warm (dropping them would disturb the whole machine), so
# this is a warm process start, not a cold boot.
#
# Usage: bench-startup.sh RAPPORT_CLI BARE_WINDOW [RAPPORT_APP]
# Runs under xvfb-run when there is no display, and in its own D-Bus session.

set -euo pipefail

cli=$1
bare=$2
app=${3:-}
runs=3
members=${BENCH_STARTUP_MEMBERS:-100000}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session > /dev/null; then
  exec dbus-run-session -- "$0" "$@"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-bench-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT

export XDG_DATA_HOME="$work/data"
export XDG_CONFIG_HOME="$work/config"
export XDG_CACHE_HOME="$work/cache"
export GSETTINGS_BACKEND=${GSETTINGS_BACKEND:-memory}
export RAPPORT_BENCH_FIRST_FRAME=1
mkdir -p "$XDG_DATA_HOME/rapport" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# Runs "$@" once to warm up (the fresh D-Bus session starts its
# accessibility bus on the first window), then $runs times; leaves
# "ms kb" lines in $work/$name.txt.
measure() {
  local name=$1
  shift
  : > "$work/$name.txt"
  timeout 120 "$@" > /dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    local line
    line=$(timeout 120 "$@" 2> "$work/$name.err" | grep -m1 '^first-frame-ms:' || true)
    if [ -z "$line" ]; then
      echo "$name: no “first-frame-ms:” line; its last messages:"
      tail -n 5 "$work/$name.err"
      return 1
    fi
    echo "$line" | awk '{ print $2, $4 }' >> "$work/$name.txt"
  done
}

"$cli" --db "$XDG_DATA_HOME/rapport/rapport.db" demo --members "$members" \
  --activities $((members * 10)) > /dev/null

measure bare "$bare"
bare_ms=$(cut -d' ' -f1 "$work/bare.txt" | median)
bare_mb=$(cut -d' ' -f2 "$work/bare.txt" | median | awk '{ printf "%.0f", $1 / 1024 }')
echo "bare window runs (ms kB): $(tr '\n' ';' < "$work/bare.txt")"

if [ -z "$app" ]; then
  echo "first frame: rapport not built vs bare window $bare_ms ms; RSS: bare $bare_mb MB"
  exit 0
fi

status=0
measure rapport "$app" || status=1
if [ $status -ne 0 ]; then
  echo "first frame: rapport no figure vs bare window $bare_ms ms; RSS: bare $bare_mb MB"
  exit 1
fi

rapport_ms=$(cut -d' ' -f1 "$work/rapport.txt" | median)
rapport_mb=$(cut -d' ' -f2 "$work/rapport.txt" | median | awk '{ printf "%.0f", $1 / 1024 }')
echo "rapport runs (ms kB): $(tr '\n' ';' < "$work/rapport.txt")"
echo "first frame: rapport $rapport_ms ms vs bare window $bare_ms ms; RSS: rapport $rapport_mb MB vs bare $bare_mb MB ($members members)"
