#!/usr/bin/env bash
# `debindex update` against `apt-get update`, whole processes side by side in the same run, on the
# same file: mirror (the shared trixie and bookworm main, amd64, keyring from the test data):
# a fresh update (empty cache / empty apt lists) and an update with nothing changed. Both sides
# fetch, verify and index: apt-get update also builds pkgcache.bin. Also reports peak RSS.
#
# Needs: a built debindex (mvn -B -q -DskipTests package), apt, hyperfine, and the isolated-apt
# script beside the test data (it ignores the host's apt configuration).
# Usage: benchmarks/compare-update.sh [TESTDATA_DIR] [ISOLATED_APT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(cd "${1:-../shared/testdata}" && pwd)
apt=${2:-$(dirname "$data")/tools/isolated-apt}
runs=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(apt-get --version | head -1)"

keyring=$data/keyrings/debian-archive-keyring.gpg
trixie="deb [signed-by=$keyring] file:$data/debian trixie main"
# bookworm has no Translation-en: lang=none keeps apt from failing the whole update over it
# (debindex skips a missing optional file with a note, as the issue asks)
bookworm="deb [signed-by=$keyring lang=none] file:$data/debian bookworm main"
"$apt" "$work/apt" init "$trixie" "$bookworm"
aptcmd="$apt $work/apt apt-get update -qq -o APT::Architecture=amd64 -o APT::Architectures=amd64"
dbx="./debindex -q --cache-dir $work/dbx --repo '$trixie' --repo '$bookworm' update --arch amd64"

fresh_apt="rm -rf $work/apt/lists/* $work/apt/cache/*.bin; mkdir -p $work/apt/lists/partial"
hyperfine --warmup 1 --runs "$runs" --export-json "$work/fresh.json" \
  -n "debindex update (fresh)" --prepare "rm -rf $work/dbx" "$dbx" \
  -n "apt-get update (fresh)" --prepare "$fresh_apt" "$aptcmd" >/dev/null
hyperfine --warmup 1 --runs "$runs" --export-json "$work/same.json" \
  -n "debindex update (nothing changed)" "$dbx" \
  -n "apt-get update (nothing changed)" "$aptcmd" >/dev/null

rm -rf "$work/dbx"; eval "$fresh_apt"
rss_dbx=$(eval "/usr/bin/time -f %M $dbx" 2>&1 >/dev/null | tail -1)
rss_apt=$(/usr/bin/time -f %M $aptcmd 2>&1 >/dev/null | tail -1)
echo "peak RSS of a fresh update: debindex ${rss_dbx} KB, apt-get ${rss_apt} KB"
echo "on disk: debindex cache $(du -sk "$work/dbx" | cut -f1) KB (index/ $(du -sk "$work/dbx/index" | cut -f1) KB);" \
  "apt lists+cache $(du -sk "$work/apt/lists" "$work/apt/cache" | awk '{s+=$1} END {print s}') KB"
python3 - "$work" <<'PY'
import json, sys
print("| command | median s | min s | max s |")
print("|---|---:|---:|---:|")
for name in ("fresh", "same"):
    results = json.load(open(f"{sys.argv[1]}/{name}.json"))["results"]
    for r in results:
        print(f"| {r['command']} | {r['median']:.3f} | {r['min']:.3f} | {r['max']:.3f} |")
    print(f"| ratio debindex / apt-get ({name}) | {results[0]['median'] / results[1]['median']:.2f} | | |")
PY
