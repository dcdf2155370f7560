#!/usr/bin/env bash
# The package index against apt-cache, whole processes side by side on the same data (trixie and
# bookworm main/binary-amd64/Packages, trixie Translation-en): `show bash`, `search nginx`,
# `rdepends libc6`. debindex runs as org.debindex.bench.IndexTool (a stand-in for the CLI) with
# the JVM options a launcher would use: an AppCDS archive made by a first run, C1 only, the
# serial collector. Also measures the index build (time and peak RSS) and the snapshot size.
#
# Needs: a built benchmarks/target/benchmarks.jar (mvn -B -q -DskipTests package -pl benchmarks -am),
# apt (apt-get, apt-cache), hyperfine, and the isolated-apt script beside the test data.
# Usage: benchmarks/compare-index.sh [TESTDATA_DIR] [ISOLATED_APT]
#        (defaults ../shared/testdata and ../shared/tools/isolated-apt)
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(cd "${1:-../shared/testdata}" && pwd)
apt=${2:-$(dirname "$data")/tools/isolated-apt}
jar=benchmarks/target/benchmarks.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"

/usr/bin/time -f "build: %e s elapsed, %U s user, %S s system, %M KB max RSS" \
  java -Ddebindex.testdata="$data" -cp "$jar" org.debindex.bench.IndexTool build "$work/packages.idx"
echo "snapshot: $(stat -c %s "$work/packages.idx") bytes"

java -XX:ArchiveClassesAtExit="$work/app.jsa" -XX:+UseSerialGC -cp "$jar" \
  org.debindex.bench.IndexTool all "$work/packages.idx" 2>/dev/null
dbx="java -XX:SharedArchiveFile=$work/app.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $jar org.debindex.bench.IndexTool"

keyring=$data/keyrings/debian-archive-keyring.gpg
# bookworm has no Translation-en: lang=none keeps apt from dropping its Packages with the failed fetch
"$apt" "$work/apt" init "deb [signed-by=$keyring] file:$data/debian trixie main" \
  "deb [signed-by=$keyring lang=none] file:$data/debian bookworm main"
"$apt" "$work/apt" apt-get update -qq >/dev/null
ac="$apt $work/apt apt-cache"

for q in "show bash" "search nginx" "rdepends libc6"; do
  set -- $q
  for tool in dbx apt; do
    if [ $tool = dbx ]; then cmd="$dbx $1 $work/packages.idx ${*:2}"; else cmd="$ac $q"; fi
    rss=$(/usr/bin/time -f %M $cmd 2>&1 >/dev/null | tail -1)
    echo "$tool $q: $($cmd | wc -l) lines, ${rss} KB max RSS"
  done
  hyperfine -N --warmup 2 --runs 10 --export-json "$work/${1}.json" \
    -n "debindex $q" "$dbx $1 $work/packages.idx ${*:2}" -n "apt-cache $q" "$ac $q" >/dev/null
done
hyperfine -N --warmup 2 --runs 10 --export-json "$work/start.json" \
  -n "JVM start alone (same options, same jar)" "$dbx start $work/packages.idx" >/dev/null
python3 - "$work" <<'PY'
import json, sys
print("| command | median s | min s | max s |")
print("|---|---:|---:|---:|")
for q in ("start", "show", "search", "rdepends"):
    for r in json.load(open(f"{sys.argv[1]}/{q}.json"))["results"]:
        print(f"| {r['command']} | {r['median']:.3f} | {r['min']:.3f} | {r['max']:.3f} |")
PY
