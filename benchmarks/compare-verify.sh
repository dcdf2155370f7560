#!/usr/bin/env bash
# Side by side: the time to verify the real trixie InRelease with gpgv, with sqv (on the split
# parts, as apt's sqv method hands them over: sqv 1.x checks detached signatures only) and with
# debindex (JMH, VerifyInReleaseBenchmark). gpgv and sqv are whole processes (hyperfine), so
# their figures include process start and keyring parsing; compare them with
# loadKeyringAndVerify, which parses the keyring each time but runs in a warm JVM.
# Needs: gpgv sqv hyperfine python3, and benchmarks/target/benchmarks.jar
# (mvn -B -q -DskipTests package -pl benchmarks -am).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${DEBINDEX_TESTDATA:-../shared/testdata}
data=$(cd "$data" && pwd)
inrelease=$data/debian/dists/trixie/InRelease
keyring=$data/keyrings/debian-archive-keyring.gpg
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# apt's split: the signed text without its last newline, and the signature blocks
python3 - "$inrelease" "$work" <<'PY'
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
mkdir -p "$work/home" && chmod 700 "$work/home"

hyperfine --warmup 3 --runs 30 --export-markdown "$work/hyperfine.md" \
  -n "gpgv InRelease" "gpgv --homedir $work/home --keyring $keyring $inrelease" \
  -n "sqv Release.gpg Release (split InRelease)" "sqv --keyring $keyring $work/Release.gpg $work/Release" \
  >/dev/null 2>&1 || true
cat "$work/hyperfine.md"
echo
java -jar benchmarks/target/benchmarks.jar VerifyInRelease -f 1 -wi 3 -i 5 -w 2s -r 3s \
  -jvmArgsAppend "-Ddebindex.testdata=$data" 2>&1 | sed -n '/^Benchmark/,$p'
