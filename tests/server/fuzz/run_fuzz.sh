#!/usr/bin/env bash
# Builds the collector's libFuzzer target with clang and runs it for a while from the seed
# corpus (CTest: collector_fuzz_decoders, label fuzz).
#   run_fuzz.sh BUILD_DIR SECONDS
# New inputs go to BUILD_DIR/corpus (the seeds in git stay as they are); a crash leaves
# its input in BUILD_DIR as crash-*, and the script fails.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$1
seconds=$2
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build.configure.log" 2>&1 \
  || { cat "$build.configure.log" >&2; exit 1; }
cmake --build "$build" >"$build.build.log" 2>&1 || { cat "$build.build.log" >&2; exit 1; }
mkdir -p "$build/corpus"
cd "$build"
ASAN_OPTIONS=detect_leaks=1 "$build/batch_decoder_fuzz" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 \
  -max_len=65536 -print_final_stats=1 "$build/corpus" "$here/seeds"
