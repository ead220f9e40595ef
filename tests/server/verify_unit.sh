#!/usr/bin/env bash
# The collector's systemd unit passes `systemd-analyze verify` and keeps its hardening.
#   verify_unit.sh UNIT COLLECTOR_BINARY
# verify checks that ExecStart's program exists, so the copy checked here starts the built
# binary; the package installs the same unit starting /usr/bin/collector. Skips (77) where
# systemd-analyze is missing.
set -euo pipefail
unit=$1
binary=$2
command -v systemd-analyze >/dev/null || { echo "verify_unit: no systemd-analyze; skipped"; exit 77; }

grep -q '^ExecStart=/usr/bin/collector ' "$unit" \
  || { echo "verify_unit: $unit: ExecStart does not start /usr/bin/collector"; exit 1; }
failed=0
for directive in DynamicUser=yes StateDirectory=selfcheck-collector ProtectSystem=strict ProtectHome=yes \
  NoNewPrivileges=yes PrivateTmp=yes PrivateDevices=yes 'CapabilityBoundingSet=$' \
  'LoadCredential=ngo_secret.key:' 'SystemCallFilter=@system-service'; do
  grep -q "^$directive" "$unit" || { echo "verify_unit: $unit: no '$directive'"; failed=1; }
done

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed "s|^ExecStart=/usr/bin/collector |ExecStart=$binary |" "$unit" > "$dir/selfcheck-collector.service"
# verify prints warnings (unknown directives, bad values) and may still exit 0: both fail here.
if ! output=$(systemd-analyze verify "$dir/selfcheck-collector.service" 2>&1) || [ -n "$output" ]; then
  echo "verify_unit: systemd-analyze verify $unit:"
  echo "$output"
  failed=1
fi
# The exposure score, for the record (lower is better; 10 is an unconfined service).
systemd-analyze security --offline=yes "$dir/selfcheck-collector.service" 2>/dev/null | tail -1 || true
[ "$failed" -eq 0 ] && echo "verify_unit: $unit verifies"
exit "$failed"
