#!/usr/bin/env bash
# Writes docs/debian-status.md: debindex checks its own Maven build against Debian bookworm, the
# shared real data used as a file: mirror, and so follows the rule it enforces. CI runs it after
# the tests and fails when the committed file differs from what it writes.
#
# Usage: scripts/debian-status.sh [TESTDATA]    (default: ../shared/testdata; needs a built jar)
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(cd "${1:-../shared/testdata}" && pwd)
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT

./debindex --cache-dir "$cache" -q \
  --repo "deb [signed-by=$data/keyrings/debian-archive-keyring.gpg] file:$data/debian bookworm main" \
  update --arch amd64 --with-contents
status=0
./debindex --cache-dir "$cache" check --suite bookworm --markdown docs/debian-status.md pom.xml */pom.xml \
  || status=$?
# 1 only says that something must come from a registry, which the record lists
[ "$status" -le 1 ] || exit "$status"
