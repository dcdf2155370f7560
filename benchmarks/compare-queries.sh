#!/usr/bin/env bash
# The query commands against apt-cache, whole processes side by side in the same run, on the same
# data (the shared trixie and bookworm main amd64, trixie Translation-en): full-text search, a
# names-only regex search, show, versions (apt-cache policy) and rdepends libc6. debindex runs
# through its launcher ./debindex exactly as a user would (C1, serial GC, the AppCDS archive the
# first query writes). Also reports peak RSS of each query and of the index build.
#
# Needs: a built debindex (mvn -B -q -DskipTests package), apt, hyperfine, and the isolated-apt
# script beside the test data. Usage: benchmarks/compare-queries.sh [TESTDATA_DIR] [ISOLATED_APT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(cd "${1:-../shared/testdata}" && pwd)
apt=${2:-$(dirname "$data")/tools/isolated-apt}
runs=${3:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(apt-get --version | head -1)"

keyring=$data/keyrings/debian-archive-keyring.gpg
trixie="deb [signed-by=$keyring] file:$data/debian trixie main"
bookworm="deb [signed-by=$keyring lang=none] file:$data/debian bookworm main"
"$apt" "$work/apt" init "$trixie" "$bookworm"
"$apt" "$work/apt" apt-get update -qq -o APT::Architecture=amd64 -o APT::Architectures=amd64
ac="$apt $work/apt apt-cache -o APT::Architecture=amd64 -o APT::Architectures=amd64"

/usr/bin/time -f "debindex update (index build included): %e s, %M KB max RSS" \
  ./debindex -q --cache-dir "$work/dbx" --repo "$trixie" --repo "$bookworm" update --arch amd64 >/dev/null
rm -f debindex-cli/target/debindex.jsa
./debindex --cache-dir "$work/dbx" search nginx >/dev/null   # writes the class-data archive
dbx="./debindex --cache-dir $work/dbx"

pairs=(
  "search nginx|search nginx"
  "search --names-only --regex ^libssl|search --names-only ^libssl"
  "show bash|show bash"
  "versions bash|policy bash"
  "rdepends libc6|rdepends libc6"
)
i=0
for pair in "${pairs[@]}"; do
  d=${pair%%|*}; a=${pair#*|}
  rss_d=$(/usr/bin/time -f %M $dbx $d 2>&1 >/dev/null | tail -1)
  rss_a=$(/usr/bin/time -f %M $ac $a 2>&1 >/dev/null | tail -1)
  echo "debindex $d: $($dbx $d | wc -l) lines, ${rss_d} KB max RSS; apt-cache $a: $($ac $a | wc -l) lines, ${rss_a} KB max RSS"
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/q$i.json" \
    -n "debindex $d" "$dbx $d" -n "apt-cache $a" "$ac $a" >/dev/null
  i=$((i + 1))
done
echo "on disk: debindex index $(stat -c %s "$work/dbx/index/packages.idx") bytes; apt pkgcache.bin $(stat -c %s "$work/apt/cache/pkgcache.bin") bytes"
python3 - "$work" "$i" <<'PY'
import json, sys
print("| query | debindex median s | apt-cache median s | ratio |")
print("|---|---:|---:|---:|")
for i in range(int(sys.argv[2])):
    d, a = json.load(open(f"{sys.argv[1]}/q{i}.json"))["results"]
    print(f"| {d['command'][9:]} / {a['command'][10:]} | {d['median']:.3f} | {a['median']:.3f} | {d['median'] / a['median']:.2f} |")
PY
