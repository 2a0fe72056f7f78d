#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Start-up of Rapport with 100,000 members against a bare libadwaita window,
# in the same run and with the same renderer (GSK_RENDERER, or GTK's
# default): time from process start to the first frame (with rows, for
# Rapport), and resident memory at that frame, at its peak and once settled
# (BENCH_STARTUP_SETTLE_MS after the first frame, when the work put off
# until after it is done). Prints the median of BENCH_STARTUP_RUNS runs of
# each, taken in turns so that the load of the machine weighs on both alike,
# with the ratio of the times and the difference of the memory. Both
# programs print "first-frame-ms: N rss-kb: N peak-rss-kb: N", then
# "settled-rss-kb: N peak-rss-kb: N", and exit when
# RAPPORT_BENCH_FIRST_FRAME=1. Page caches are warm (dropping them would
# disturb the whole machine), so this is a warm process start, not a cold
# boot.
#
# Usage: bench-startup.sh RAPPORT_CLI BARE_WINDOW [RAPPORT_APP]
# Runs under xvfb-run when there is no display, and in its own D-Bus session.

set -euo pipefail

cli=$1
bare=$2
app=${3:-}
runs=${BENCH_STARTUP_RUNS:-5}
members=${BENCH_STARTUP_MEMBERS:-100000}
target_ratio=1.5
target_mb=40

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
export RAPPORT_BENCH_SETTLE_MS=${BENCH_STARTUP_SETTLE_MS:-2000}
mkdir -p "$XDG_DATA_HOME/rapport" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
# Column $2 of $work/$1.txt, the median of the runs.
med() { cut -d' ' -f"$2" "$work/$1.txt" | median; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }

# Runs "$@" once, and adds "ms rss-kb peak-kb settled-kb settled-peak-kb"
# to $work/$name.txt.
measure_once() {
  local name=$1
  shift
  local out first settled
  out=$(timeout 120 "$@" 2> "$work/$name.err" || true)
  first=$(echo "$out" | grep -m1 '^first-frame-ms:' || true)
  settled=$(echo "$out" | grep -m1 '^settled-rss-kb:' || true)
  if [ -z "$first" ] || [ -z "$settled" ]; then
    echo "$name: no “first-frame-ms:” and “settled-rss-kb:” lines; its last messages:"
    tail -n 5 "$work/$name.err"
    return 1
  fi
  echo "$(echo "$first" | awk '{ print $2, $4, $6 }') $(echo "$settled" | awk '{ print $2, $4 }')" \
    >> "$work/$name.txt"
}

"$cli" --db "$XDG_DATA_HOME/rapport/rapport.db" demo --members "$members" \
  --activities $((members * 10)) > /dev/null

echo "renderer: ${GSK_RENDERER:-the default of GTK}; $members members; median of $runs runs each, in turns"

# Warm-ups: the fresh D-Bus session starts its accessibility bus on the
# first window, and the shader cache fills.
: > "$work/bare.txt"
: > "$work/rapport.txt"
measure_once warmup "$bare" || true
if [ -n "$app" ]; then
  measure_once warmup "$app" || true
fi

status=0
for _ in $(seq "$runs"); do
  measure_once bare "$bare" || exit 1
  if [ -n "$app" ]; then
    measure_once rapport "$app" || status=1
  fi
done

bare_ms=$(med bare 1)
echo "bare window runs (ms rss-kB peak-kB settled-kB settled-peak-kB): $(tr '\n' ';' < "$work/bare.txt")"

if [ -z "$app" ]; then
  echo "first frame: rapport not built vs bare window $bare_ms ms; RSS: bare $(mb "$(med bare 2)") MB"
  exit 0
fi
if [ $status -ne 0 ] || [ ! -s "$work/rapport.txt" ]; then
  echo "first frame: rapport no figure vs bare window $bare_ms ms; RSS: bare $(mb "$(med bare 2)") MB"
  exit 1
fi
echo "rapport runs (ms rss-kB peak-kB settled-kB settled-peak-kB): $(tr '\n' ';' < "$work/rapport.txt")"

app_ms=$(med rapport 1)
ratio=$(awk -v a="$app_ms" -v b="$bare_ms" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
echo "first frame: rapport $app_ms ms vs bare window $bare_ms ms: ${ratio}× (target ≤ ${target_ratio}×)"

compare_mb() {
  local label=$1 column=$2 app_mb bare_mb diff
  app_mb=$(mb "$(med rapport "$column")")
  bare_mb=$(mb "$(med bare "$column")")
  diff=$(awk -v a="$app_mb" -v b="$bare_mb" 'BEGIN { printf "%+d", a - b }')
  echo "$label: rapport $app_mb MB vs bare window $bare_mb MB: $diff MB (target ≤ +$target_mb MB)"
}
compare_mb "RSS at the first frame" 2
compare_mb "peak RSS by the first frame" 3
compare_mb "RSS settled ($RAPPORT_BENCH_SETTLE_MS ms later)" 4
compare_mb "peak RSS by then" 5
