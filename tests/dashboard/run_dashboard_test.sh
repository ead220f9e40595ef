#!/usr/bin/env bash
# Headless Chromium test of the collector's dashboard (ctest label ui).
#   run_dashboard_test.sh COLLECTOR_BINARY [OUT_DIR]
# Seeds a fresh SQLite database (a dashboard user, a device, 300 records written straight
# into the store's table), starts the collector on 127.0.0.1 with a free port, and runs
# dashboard_test.mjs with playwright-core (npm ci from the lockfile on first use) against
# /usr/bin/chromium. Screenshots land in OUT_DIR. Exit 77 (skipped) without node, npm or
# chromium.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
collector=$1
out_dir=${2:-$PWD/dashboard_screenshots}
mkdir -p "$out_dir"

for tool in node npm python3; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
[ -x /usr/bin/chromium ] || { echo "SKIP: /usr/bin/chromium is missing (scripts/setup installs it)"; exit 77; }
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

db=$work/records.db
password="dashboard test password"
"$collector" keygen --out "$work/keys" >/dev/null
printf '%s\n' "$password" | "$collector" user add analyst --db "$db" >/dev/null
"$collector" device add --db "$db" --site demo-site --public-key "$work/keys/ngo_public.key" \
  --url http://127.0.0.1:1 >/dev/null
python3 "$here/seed_records.py" "$db"

"$collector" serve --db "$db" --secret-key "$work/keys/ngo_secret.key" --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 100); do
  grep -q "listening on" "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^collector listening on //p' "$work/serve.out")
[ -n "$url" ] || { echo "the collector did not start:"; cat "$work/serve.err"; exit 1; }

node "$here/dashboard_test.mjs" "$url" analyst "$password" "$out_dir"
echo "screenshots: $out_dir/dashboard_phone.png $out_dir/dashboard_desktop.png"
