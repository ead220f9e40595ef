#!/usr/bin/env bash
# Prints the kiosk's start-up time to first frame with its stages, against a floor (a bare
# SDL + ImGui program, bench/imgui_floor) and Chromium showing a static question page
# (bench/chromium_question.html), its memory, and its idle CPU, in a real window under Xvfb
# (installed from Debian if missing). Figures are printed, not asserted.
#   bench/kiosk_startup.sh [BUILD_DIR] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
runs=${2:-5}
kiosk=$build/kiosk/app/kiosk
[ -x "$kiosk" ] || { echo "build the kiosk first (scripts/setup)" >&2; exit 1; }
if ! command -v Xvfb >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends xvfb >/dev/null
fi

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
chromium_pid=
trap 'kill $kiosk_pid $chromium_pid $xvfb 2>/dev/null || true' EXIT
sleep 1

# Each run's stage line, "(exec to main 3 ms, content and messages +41.2 ms, ... = 205.3 ms)".
stage_log=$(mktemp)
floor_log=$(mktemp)
# The median of each stage over the runs, in the order the stages come.
stage_medians() {
  local pairs names name
  pairs=$(tr -d '()' < "$1" | sed 's/ = [0-9.]* ms$//' | tr ',' '\n' | sed 's/^ *//' |
          sed -E 's/^(.*) [+]?([0-9.]+) ms$/\1\t\2/')
  names=$(printf '%s\n' "$pairs" | cut -f1 | awk '!seen[$0]++')
  while IFS= read -r name; do
    printf '%s\n' "$pairs" | awk -F'\t' -v n="$name" '$1 == n {print $2}' | sort -n |
      awk -v n="$name" '{v[NR] = $1} END {printf "  %-22s %7.1f ms\n", n, v[int((NR + 1) / 2)]}'
  done <<< "$names"
}

kiosk_pid=
first_frames=()
for run in $(seq "$runs"); do
  log=$(mktemp)
  DISPLAY=$display "$kiosk" --windowed --size 1280x800 2>"$log" &
  kiosk_pid=$!
  for _ in $(seq 100); do grep -q "first frame" "$log" && break; sleep 0.05; done
  first_frames+=("$(sed -n 's/.*first frame after \([0-9.]*\) ms.*/\1/p' "$log")")
  grep 'first frame after' "$log" | grep -o '(.*)' >> "$stage_log"
  if [ "$run" -lt "$runs" ]; then kill $kiosk_pid; wait $kiosk_pid 2>/dev/null || true; fi
  rm -f "$log"
done

sleep 2  # let start-up settle before measuring the idle kiosk (the last run)
rss_kib=$(awk '/^VmRSS/ {print $2}' /proc/$kiosk_pid/status)
pss_kib=$(awk '/^Pss:/ {print $2}' /proc/$kiosk_pid/smaps_rollup)
ticks() { awk '{print $14 + $15}' /proc/$kiosk_pid/stat; }
hz=$(getconf CLK_TCK)
idle_seconds=10
before=$(ticks); sleep $idle_seconds; after=$(ticks)

sorted=$(printf '%s\n' "${first_frames[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
echo "kiosk start-up to first frame (ms, $runs runs, 1280x800 window under Xvfb): median $median; all: ${first_frames[*]}"
kiosk_total=$(sed -n 's/.*= \([0-9.]*\) ms.*/\1/p' "$stage_log" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
echo "kiosk stages, exec included (median of each; total median $kiosk_total ms):"
stage_medians "$stage_log"

# The floor: a bare SDL + Dear ImGui program drawing one line in the same window, same Xvfb.
floor=$build/bench/imgui_floor
if [ -x "$floor" ]; then
  floors=()
  for run in $(seq "$runs"); do
    DISPLAY=$display "$floor" 1280x800 2>&1 | grep -o '(.*)' >> "$floor_log"
    floors+=("$(tail -1 "$floor_log" | sed -n 's/.*= \([0-9.]*\) ms.*/\1/p')")
  done
  floor_median=$(printf '%s\n' "${floors[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "floor (bench/imgui_floor, one line, built-in font), exec to first frame: median $floor_median ms; all: ${floors[*]}"
  stage_medians "$floor_log"
  awk -v k="$kiosk_total" -v f="$floor_median" 'BEGIN { if (f > 0) printf "kiosk / floor, exec to first frame: %.2fx (target at most 1.3x)\n", k / f }'
else
  echo "floor: build it first (cmake --build $build --target imgui_floor)"
fi
rm -f "$stage_log" "$floor_log"

# Chromium in kiosk mode on a static question page (bench/chromium_question.html), in the
# same Xvfb, a fresh profile each run as on a kiosk's cold start: exec to its first contentful
# paint, and the PSS of all its processes once it has painted.
chromium_pss_kib() {  # PSS of a process and all its descendants
  local pids=("$1") i=0 total=0 pid
  while [ $i -lt ${#pids[@]} ]; do
    for pid in $(cat /proc/"${pids[$i]}"/task/*/children 2>/dev/null); do pids+=("$pid"); done
    i=$((i + 1))
  done
  for pid in "${pids[@]}"; do
    total=$((total + $(awk '/^Pss:/ {print $2}' /proc/"$pid"/smaps_rollup 2>/dev/null || echo 0)))
  done
  echo $total
}
if command -v chromium >/dev/null; then
  paints=()
  chromium_pss=0
  for run in $(seq "$runs"); do
    profile=$(mktemp -d)
    log=$(mktemp)
    start_ms=$(date +%s%3N)
    DISPLAY=$display chromium --no-sandbox --disable-background-networking --no-first-run --kiosk \
      --user-data-dir="$profile" --enable-logging=stderr --v=0 \
      "file://$root/bench/chromium_question.html" >/dev/null 2>"$log" &
    chromium_pid=$!
    for _ in $(seq 400); do grep -q FCP_EPOCH_MS "$log" && break; sleep 0.05; done
    paint=$(sed -n 's/.*FCP_EPOCH_MS \([0-9.]*\).*/\1/p' "$log" | head -1)
    [ -n "$paint" ] && paints+=("$(awk -v p="$paint" -v s="$start_ms" 'BEGIN {printf "%.1f", p - s}')")
    if [ "$run" -eq "$runs" ]; then sleep 2; chromium_pss=$(chromium_pss_kib $chromium_pid); fi
    kill $chromium_pid 2>/dev/null; wait $chromium_pid 2>/dev/null || true
    rm -rf "$profile" "$log"
  done
  if [ ${#paints[@]} -gt 0 ]; then
    chromium_median=$(printf '%s\n' "${paints[@]}" | sort -n | sed -n "$(( (${#paints[@]} + 1) / 2 ))p")
    echo "chromium --kiosk, static question page, exec to first contentful paint: median $chromium_median ms; all: ${paints[*]}"
    echo "chromium memory after start-up (all its processes): PSS $((chromium_pss / 1024)) MiB"
    awk -v k="$kiosk_total" -v c="$chromium_median" 'BEGIN { if (c > 0) printf "kiosk / chromium, to first frame: %.2f (target at most 0.20)\n", k / c }'
  else
    echo "chromium: no first paint logged"
  fi
else
  echo "chromium: not installed (apt-get install chromium), no comparison"
fi
echo "kiosk memory after start-up: RSS $((rss_kib / 1024)) MiB, PSS $((pss_kib / 1024)) MiB (target PSS at most 15 MiB)"
echo "kiosk idle CPU over ${idle_seconds} s: $(( (after - before) * 1000 / hz )) ms of CPU ($(awk "BEGIN {printf \"%.2f\", ($after - $before) * 100 / $hz / $idle_seconds}")%)"
