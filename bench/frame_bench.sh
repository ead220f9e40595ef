#!/usr/bin/env bash
# Runs build/bench/frame_bench twice: pinned to one core, and pinned to one core under a CPU
# quota of 25% of it (a cgroup, v2 or v1 cpu controller), standing in for a cheap board.
# Figures are printed, not asserted. Needs root (or a delegated cgroup) for the quota run;
# without one it says so and prints the one-core figures only.
#   bench/frame_bench.sh [BUILD_DIR] [FRAMES=60] [SIZES]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
frames=${2:-60}
sizes=${3:-480x800,800x1280,1920x1080}
bench=$build/bench/frame_bench
[ -x "$bench" ] || { echo "build it first: cmake --build $build --target frame_bench" >&2; exit 1; }
export SDL_VIDEODRIVER=dummy

echo "=== one core (taskset -c 0)"
taskset -c 0 "$bench" "$frames" "$sizes"

# A cgroup with a quota of 25 ms per 100 ms period.
group=selfcheck-frame-bench-$$
if [ -w /sys/fs/cgroup/cgroup.subtree_control ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
  dir=/sys/fs/cgroup/$group
  mkdir "$dir"
  echo "25000 100000" > "$dir/cpu.max"
elif [ -w /sys/fs/cgroup/cpu ]; then
  dir=/sys/fs/cgroup/cpu/$group
  mkdir "$dir"
  echo 100000 > "$dir/cpu.cfs_period_us"
  echo 25000 > "$dir/cpu.cfs_quota_us"
else
  echo "=== no writable cgroup here: the 25% quota run is left out" >&2
  exit 0
fi
trap 'rmdir "$dir" 2>/dev/null || true' EXIT
echo "=== one core at a 25% quota (cgroup $dir)"
# The shell moves itself into the group, then becomes the benchmark.
bash -c 'echo $$ > "$1/cgroup.procs"; exec taskset -c 0 "$2" "$3" "$4"' quota "$dir" "$bench" "$frames" "$sizes"
