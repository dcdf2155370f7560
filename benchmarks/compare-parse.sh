#!/usr/bin/env bash
# Parses the real trixie Packages with debindex (JMH) and with its peers, in one run:
# xz -dc (hyperfine), python3-apt's apt_pkg.TagFile and python3-debian's deb822 (timed
# in-process). Prints a table of medians, MB/s and stanzas/s of the uncompressed file.
#
# Needs: a built benchmarks/target/benchmarks.jar (mvn -B -q -DskipTests package -pl benchmarks -am),
# and the Debian packages python3-apt python3-debian xz-utils gzip hyperfine.
# Usage: benchmarks/compare-parse.sh [TESTDATA_DIR]   (default ../shared/testdata)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/testdata}
xz=$data/debian/dists/trixie/main/binary-amd64/Packages.xz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xz -dc "$xz" > "$work/Packages"
gzip -9n -c "$work/Packages" > "$work/Packages.gz"
bytes=$(stat -c %s "$work/Packages")
stanzas=$(grep -c '^Package:' "$work/Packages")
echo "file: trixie main/binary-amd64/Packages, $bytes bytes, $stanzas stanzas; $(nproc) cores; $(java -version 2>&1 | head -1)"

hyperfine -N --warmup 2 --runs 10 --export-json "$work/hf.json" \
  "xz -dc $xz" "gzip -dc $work/Packages.gz" >/dev/null
/usr/bin/python3 benchmarks/parse_peers.py "$work/Packages" 5 > "$work/peers.tsv"

java -Ddebindex.testdata="$data" -jar benchmarks/target/benchmarks.jar \
  -jvmArgsAppend "-Ddebindex.testdata=$data" \
  -f 1 -wi 3 -i 8 -w 2 -r 2 -rf json -rff "$work/jmh.json" 'bench\.ParseBenchmark|PackagesFromCompressed|DecompressBenchmark\.(xzSequential|xzParallel|gzip)$' >/dev/null

/usr/bin/python3 - "$work" "$bytes" "$stanzas" <<'PY'
import json, sys
work, size, stanzas = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = []
for r in json.load(open(f"{work}/hf.json"))["results"]:
    rows.append((r["command"].split(" /")[0].replace(work, ""), r["median"]))
for line in open(f"{work}/peers.tsv"):
    name, sec, n = line.rstrip("\n").split("\t")
    rows.append((name, float(sec)))
for b in json.load(open(f"{work}/jmh.json")):
    unit = b["primaryMetric"]["scoreUnit"]
    score = b["primaryMetric"]["score"]
    sec = score / 1000 if unit == "ms/op" else score
    rows.append(("debindex " + b["benchmark"].split(".")[-2] + "." + b["benchmark"].split(".")[-1]
                 + "".join(f" [{k}={v}]" for k, v in (b.get("params") or {}).items()), sec))
print(f"| what | seconds | MB/s | stanzas/s |")
print(f"|---|---:|---:|---:|")
for name, sec in rows:
    print(f"| {name} | {sec:.3f} | {size / 1e6 / sec:,.0f} | {stanzas / sec:,.0f} |")
PY
