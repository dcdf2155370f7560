#!/usr/bin/env bash
# Issue 8's comparison in one command: debindex against apt, gpgv, sqv, python3-apt and
# python3-debian, both sides measured in the same run on the same data, and docs/performance.md
# written from the results (never edit that file by hand: rerun this).
#
#   benchmarks/performance.sh [TESTDATA] [RUNS]
#
# TESTDATA  the shared real data (debian/ mirror tree, keyrings/); default ../shared/testdata.
#           The isolated-apt script is taken from TESTDATA/../tools (ISOLATED_APT overrides).
# RUNS      hyperfine runs per command; default 5 for queries, verify and the JVM floor, 3 for
#           update (each fresh update downloads and indexes ~90 MB). Given, it sets both.
#
# Steps:
#  1. installs the peers from Debian packages when one is missing (apt-get install; no
#     `apt-get update` when all are present): apt python3-apt python3-debian gpgv sqv hyperfine
#     xz-utils time. The JDK (17+) and Maven are assumed.
#  2. builds debindex (mvn -B -q -DskipTests package, which also makes benchmarks.jar) when a jar
#     is missing or older than any pom.xml or source file: measuring a stale jar would credit
#     the figures to the wrong commit, and a needless rebuild costs minutes on 2 cores.
#     Offline first (the local Maven repository), online if that fails.
#  3. an isolated apt configuration (../shared/tools/isolated-apt: the host's apt.conf.d is
#     ignored) over the data as a file: mirror: trixie main, bookworm main (lang=none: it has no
#     Translation-en), amd64 only; debindex gets the same two sources with --repo.
#  4. whole processes, hyperfine medians: update fresh / nothing changed vs apt-get update; the
#     queries vs apt-cache; verify of the trixie InRelease vs gpgv and sqv (sqv on the split
#     detached form: sqv 1.1 checks detached signatures only); the JVM floor; peak RSS of each
#     (GNU time %M, one run); index size vs pkgcache.bin. Parsing trixie's Packages is timed
#     in-process on both sides (JMH for debindex, parse_peers.py for apt_pkg.TagFile and deb822),
#     so neither pays its runtime's start. A quick JMH subset of the hot paths goes beside.
#  5. writes docs/performance.md (benchmarks/performance_report.py).
#
# Takes about 10-15 minutes on a 2-core machine with the default RUNS (plus the build).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
t_start=$(date +%s)
data=$(cd "${1:-../shared/testdata}" && pwd)
query_runs=${2:-5}
update_runs=${2:-3}
apt=${ISOLATED_APT:-$(dirname "$data")/tools/isolated-apt}
[ -x "$apt" ] || { echo "performance: no isolated-apt at $apt (set ISOLATED_APT)" >&2; exit 2; }
work=$(mktemp -d)
# PERF_KEEP=1 keeps the raw results (hyperfine and JMH JSON) and prints where
if [ -n "${PERF_KEEP-}" ]; then trap 'echo "performance: raw results in $work" >&2' EXIT; else trap 'rm -rf "$work"' EXIT; fi
log() { echo "performance: $*" >&2; }

# --- 1. the peers ----------------------------------------------------------------------------
missing=()
for p in apt python3-apt python3-debian gpgv sqv hyperfine xz-utils time; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  log "installing ${missing[*]} with apt-get"
  $sudo apt-get update -qq
  $sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  log "peers present (apt python3-apt python3-debian gpgv sqv hyperfine xz-utils time): nothing installed"
fi
# Debian's python3, where python3-apt and python3-debian live (a pyenv python3 on PATH has neither)
py=/usr/bin/python3

# --- 2. the build ----------------------------------------------------------------------------
cli_jar=debindex-cli/target/debindex-cli.jar
bench_jar=benchmarks/target/benchmarks.jar
stale=
for j in "$cli_jar" "$bench_jar"; do
  if [ ! -f "$j" ] || [ -n "$(find . -path ./benchmarks/target -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$j" -print -quit)" ]; then
    stale=1
  fi
done
if [ -n "$stale" ]; then
  log "building debindex and benchmarks.jar (mvn -B -q -DskipTests package)"
  mvn -B -q -o -DskipTests package || mvn -B -q -DskipTests package
else
  log "debindex and benchmarks.jar are built and newer than every source: not rebuilt"
fi

# --- the machine, the versions ---------------------------------------------------------------
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo '?'; }
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit (with uncommitted changes)"
cat > "$work/meta.txt" <<EOF
command=benchmarks/performance.sh${1:+ $1}${2:+ $2}
date=$(date -u '+%Y-%m-%d %H:%M UTC')
cores=$(nproc)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
ram=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
java=$(java -version 2>&1 | head -1)
java_vm=$(java -version 2>&1 | tail -1)
mvn=$(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')
debindex=$commit
apt=$(apt-get --version | head -1)
gpgv=$(gpgv --version | head -1)
sqv=$(sqv --version | head -1)
python3=$($py --version 2>&1)
python3-apt=$(pkgver python3-apt)
python3-debian=$(pkgver python3-debian)
hyperfine=$(hyperfine --version)
xz=$(xz --version | head -1)
query_runs=$query_runs
update_runs=$update_runs
EOF
log "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

keyring=$data/keyrings/debian-archive-keyring.gpg
inrelease=$data/debian/dists/trixie/InRelease
trixie="deb [signed-by=$keyring] file:$data/debian trixie main"
bookworm="deb [signed-by=$keyring lang=none] file:$data/debian bookworm main"
arch=(-o APT::Architecture=amd64 -o APT::Architectures=amd64)

# peak RSS in KB of one run of a command (arguments as words), its output discarded
rss() { /usr/bin/time -f %M -o "$work/rss.tmp" "$@" >/dev/null 2>&1 || true; tail -1 "$work/rss.tmp"; }
record_rss() { echo "$1=$2" >> "$work/rss.txt"; }
: > "$work/rss.txt"

# --- 3. apt, isolated ------------------------------------------------------------------------
"$apt" "$work/apt" init "$trixie" "$bookworm"

# --- 4a. the JVM floor -----------------------------------------------------------------------
log "JVM floor"
hyperfine -N --warmup 2 --runs "$query_runs" --export-json "$work/floor.json" \
  -n "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version" \
  "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version" >/dev/null
record_rss "java -version (floor)" "$(rss java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version)"

# --- 4b. update ------------------------------------------------------------------------------
log "update, fresh and with nothing changed ($update_runs runs each side)"
# the launcher keeps a class-data archive per command group beside the jar (queries, update,
# verify), written by the group's first run: none from an earlier build may be mapped; each
# group's warm-up run below writes its own, so that no timed run writes one
rm -f debindex-cli/target/*.jsa
aptget="$apt $work/apt apt-get update -qq ${arch[*]}"
dbx_update="./debindex -q --cache-dir $work/dbx --repo '$trixie' --repo '$bookworm' update --arch amd64"
fresh_apt="rm -rf $work/apt/lists/* $work/apt/cache/*.bin; mkdir -p $work/apt/lists/partial"
hyperfine --warmup 1 --runs "$update_runs" --export-json "$work/update-fresh.json" \
  -n "debindex update (fresh)" --prepare "rm -rf $work/dbx" "$dbx_update" \
  -n "apt-get update (fresh)" --prepare "$fresh_apt" "$aptget" >/dev/null
rm -rf "$work/dbx"; eval "$fresh_apt"
record_rss "debindex update (fresh)" "$(rss bash -c "$dbx_update")"
record_rss "apt-get update (fresh)" "$(rss bash -c "$aptget")"
hyperfine --warmup 1 --runs "$update_runs" --export-json "$work/update-same.json" \
  -n "debindex update (nothing changed)" "$dbx_update" \
  -n "apt-get update (nothing changed)" "$aptget" >/dev/null
record_rss "debindex update (nothing changed)" "$(rss bash -c "$dbx_update")"
record_rss "apt-get update (nothing changed)" "$(rss bash -c "$aptget")"

# --- 4c. on disk -----------------------------------------------------------------------------
{
  echo "debindex packages.idx=$(stat -c %s "$work/dbx/index/packages.idx")"
  echo "debindex index/=$(du -sb "$work/dbx/index" | cut -f1)"
  echo "debindex cache=$(du -sb "$work/dbx" | cut -f1)"
  echo "apt pkgcache.bin=$(stat -c %s "$work/apt/cache/pkgcache.bin")"
  echo "apt srcpkgcache.bin=$(stat -c %s "$work/apt/cache/srcpkgcache.bin" 2>/dev/null || echo 0)"
  echo "apt lists/=$(du -sb "$work/apt/lists" | cut -f1)"
} > "$work/disk.txt"

# --- 4d. the queries -------------------------------------------------------------------------
log "queries ($query_runs runs each side, 2 warm-ups)"
# the launcher archives the classes the first query loads (AppCDS) beside the jar; make it now,
# for this build, so that no timed run writes it
rm -f debindex-cli/target/debindex.jsa
./debindex --cache-dir "$work/dbx" search nginx >/dev/null
dbx="./debindex --cache-dir $work/dbx"
ac="$apt $work/apt apt-cache ${arch[*]}"
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
  # shellcheck disable=SC2086 # the commands are words
  { echo "debindex $d=$($dbx $d | wc -l)"; echo "apt-cache $a=$($ac $a | wc -l)"; } >> "$work/lines.txt"
  # shellcheck disable=SC2086
  record_rss "debindex $d" "$(rss $dbx $d)"
  # shellcheck disable=SC2086
  record_rss "apt-cache $a" "$(rss $ac $a)"
  hyperfine -N --warmup 2 --runs "$query_runs" --export-json "$work/query$i.json" \
    -n "debindex $d" "$dbx $d" -n "apt-cache $a" "$ac $a" >/dev/null
  i=$((i + 1))
done

# --- 4d'. start-up steps: what the launcher's class-data archive and C1-only setting each save --
log "start-up steps of show bash (launcher defaults, without AppCDS, with full tiered compilation)"
# through a shell on every row (the environment variables need one), so each pays the same
hyperfine --warmup 2 --runs "$query_runs" --export-json "$work/startup.json" \
  -n "launcher defaults (AppCDS, C1 only, serial GC)" "$dbx show bash" \
  -n "without the AppCDS archive (DEBINDEX_CDS=0)" "DEBINDEX_CDS=0 $dbx show bash" \
  -n "full tiered compilation (C2 too)" "DEBINDEX_JAVA_OPTS=-XX:TieredStopAtLevel=4 $dbx show bash" \
  -n "the JVM floor alone" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version" >/dev/null

# --- 4e. verify ------------------------------------------------------------------------------
log "verify of trixie's InRelease vs gpgv and sqv"
# as of a day after the Release's Date, so that the run does not depend on today's date
at=$(date -u -d "$(sed -n 's/^Date: //p' "$inrelease" | head -1) + 1 day" +%Y-%m-%dT%H:%M:%SZ)
echo "at=$at" >> "$work/meta.txt"
# apt's split of the InRelease for sqv: the signed text without its last newline, the signatures
$py - "$inrelease" "$work" <<'PY'
import sys
src, out = sys.argv[1], sys.argv[2]
lines = open(src, 'rb').read().split(b'\n')
i = lines.index(b'') + 1
text = []
while not lines[i].startswith(b'-----BEGIN PGP SIGNATURE-----'):
    line = lines[i].rstrip(b' \t\r')
    text.append(line[2:] if line.startswith(b'- ') else line)
    i += 1
open(out + '/Release', 'wb').write(b'\n'.join(text))
open(out + '/Release.gpg', 'wb').write(b'\n'.join(lines[i:]))
PY
mkdir -p "$work/gnupg" && chmod 700 "$work/gnupg"
v_dbx="./debindex verify --keyring $keyring --at $at $inrelease"
v_gpgv="gpgv --homedir $work/gnupg --keyring $keyring $inrelease"
v_sqv="sqv --keyring $keyring $work/Release.gpg $work/Release"
for c in "$v_dbx" "$v_gpgv" "$v_sqv"; do
  # shellcheck disable=SC2086
  $c >/dev/null 2>&1 || { log "$c does not accept the file"; exit 1; }
done
hyperfine -N --warmup 2 --runs "$query_runs" --export-json "$work/verify.json" \
  -n "debindex verify --keyring K --at T InRelease" "$v_dbx" \
  -n "gpgv --keyring K InRelease" "$v_gpgv" \
  -n "sqv --keyring K Release.gpg Release" "$v_sqv" >/dev/null
# shellcheck disable=SC2086
{ record_rss "debindex verify" "$(rss $v_dbx)"; record_rss "gpgv" "$(rss $v_gpgv)"; record_rss "sqv" "$(rss $v_sqv)"; }

# --- 4f. parsing, in-process on both sides ---------------------------------------------------
log "parsing trixie's Packages: apt_pkg.TagFile and deb822 (in-process)"
xz -dc "$data/debian/dists/trixie/main/binary-amd64/Packages.xz" > "$work/Packages"
echo "packages_bytes=$(stat -c %s "$work/Packages")" >> "$work/meta.txt"
echo "packages_stanzas=$(grep -c '^Package:' "$work/Packages")" >> "$work/meta.txt"
$py benchmarks/parse_peers.py "$work/Packages" 3 > "$work/parse-peers.tsv"

# --- 4g. JMH, the hot paths (ParseBenchmark.recordsFromArray is debindex's side of 4f) ---------
log "JMH: IndexBenchmark, ParseBenchmark.recordsFromArray (1 fork, 2 warm-ups, 3 iterations of 2 s)"
java -Ddebindex.testdata="$data" -jar "$bench_jar" 'IndexBenchmark|ParseBenchmark.recordsFromArray' \
  -f 1 -wi 2 -i 3 -w 2s -r 2s -rf json -rff "$work/jmh.json" \
  -jvmArgsAppend "-Ddebindex.testdata=$data" > "$work/jmh.log" 2>&1 \
  || { cat "$work/jmh.log" >&2; exit 1; }

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$work/meta.txt"
echo "seconds=$(( $(date +%s) - t_start ))" >> "$work/meta.txt"
$py benchmarks/performance_report.py "$work" > docs/performance.md
log "wrote docs/performance.md in $(( $(date +%s) - t_start )) s"
