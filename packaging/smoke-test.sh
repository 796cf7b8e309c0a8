#!/usr/bin/env bash
# Checks a built app image (or an installed copy): `digitcam --help` works and `digitcam predict`
# reads the printed 5283 in packaging/smoke/5283.png. Usage: packaging/smoke-test.sh LAUNCHER
# e.g. target/installer/image/digitcam/bin/digitcam, or /opt/digitcam/bin/digitcam once installed.
set -euo pipefail
launcher=$1
image="$(cd "$(dirname "$0")" && pwd)/smoke/5283.png"
help=$("$launcher" --help)
grep -q '^Usage: digitcam' <<<"$help" || { echo "smoke test: --help printed no usage:" >&2; echo "$help" >&2; exit 1; }
read=$("$launcher" predict "$image")
[[ $read == *": 5283 (4 digits"* ]] || { echo "smoke test: predict read '$read', expected 5283" >&2; exit 1; }
echo "smoke test passed: $read"
