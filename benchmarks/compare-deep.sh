#!/usr/bin/env bash
# `debindex verify --deep` against plain `sha256sum` over the same pool files: how close the deep
# audit (read every listed pool file, check its size, compute SHA-256 and SHA-512, compare) comes
# to the cost of hashing the bytes once. Whole processes, JVM start included, in one hyperfine run.
#
# The mirror is synthetic and built in a temporary directory: N pool files of random bytes (default
# 400 x 2.5 MiB, about 1 GB), a Packages file listing each with Size, SHA256 and SHA512 (written by
# python3), a Release with that file's checksums, clearsigned into InRelease by a throwaway
# ed25519 key made with gpg in a temporary home; its public key is the keyring. Nothing is
# installed. The page cache is warm for both commands (hyperfine's warm-up reads every file), so
# this compares CPU cost, not the disk.
#
#   debindex:  ./debindex -q verify --keyring K --tree T --suite S --deep --jobs J
#   sha256sum: find pool -type f -print0 | xargs -0 -n 8 -P J sha256sum
#
# debindex computes both SHA-256 and SHA-512 because the stanzas list both (as Debian's do); a
# third row hashes with sha512sum as well, for the same work done by coreutils.
#
# Needs: a built debindex (mvn -B -q -o -DskipTests package), gpg, python3, hyperfine.
# Usage: benchmarks/compare-deep.sh [FILES] [KIB_PER_FILE] [JOBS] [RUNS]
#        (defaults 400 2560 nproc-capped-at-8 5)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-400}
kib=${2:-2560}
jobs=${3:-$(n=$(nproc); echo $((n < 8 ? n : 8)))}
runs=${4:-5}
work=$(mktemp -d)
trap 'gpgconf --homedir "$work/gnupg" --kill all >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
for tool in gpg python3 hyperfine; do
  command -v "$tool" >/dev/null || { echo "compare-deep: $tool is needed" >&2; exit 2; }
done
[ -x ./debindex ] && [ -f debindex-cli/target/debindex-cli.jar ] \
  || { echo "compare-deep: build first: mvn -B -q -o -DskipTests package" >&2; exit 2; }
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1);" \
  "$(sha256sum --version | head -1); $files files x $kib KiB, --jobs $jobs, $runs runs"

tree=$work/mirror
suite=bench
python3 - "$tree" "$suite" "$files" "$kib" <<'PY'
import hashlib, os, sys
tree, suite, files, kib = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
stanzas = []
for i in range(files):
    name = f"pkg{i:05d}"
    rel = f"pool/main/{name[:4]}/{name}/{name}_1.0-1_amd64.deb"
    path = os.path.join(tree, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = os.urandom(kib * 1024)
    with open(path, "wb") as f:
        f.write(data)
    stanzas.append(f"Package: {name}\nVersion: 1.0-1\nArchitecture: amd64\n"
                   f"Maintainer: Bench <bench@example.org>\nFilename: {rel}\nSize: {len(data)}\n"
                   f"SHA256: {hashlib.sha256(data).hexdigest()}\nSHA512: {hashlib.sha512(data).hexdigest()}\n"
                   f"Description: synthetic package {i}\n")
packages = "\n".join(stanzas).encode()
dists = os.path.join(tree, "dists", suite)
os.makedirs(os.path.join(dists, "main", "binary-amd64"), exist_ok=True)
with open(os.path.join(dists, "main", "binary-amd64", "Packages"), "wb") as f:
    f.write(packages)
release = ["Origin: Bench", "Label: Bench", f"Suite: {suite}", f"Codename: {suite}",
           "Date: Sun, 01 Jun 2025 00:00:00 UTC", "Architectures: amd64", "Components: main",
           "Description: synthetic mirror for compare-deep.sh"]
for field, algo in (("SHA256", hashlib.sha256), ("SHA512", hashlib.sha512)):
    release.append(f"{field}:")
    release.append(f" {algo(packages).hexdigest()} {len(packages)} main/binary-amd64/Packages")
with open(os.path.join(dists, "Release"), "w") as f:
    f.write("\n".join(release) + "\n")
PY

export GNUPGHOME=$work/gnupg
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key 'compare-deep <bench@example.org>' ed25519 sign never 2>/dev/null
gpg --batch --quiet --yes --clearsign -o "$tree/dists/$suite/InRelease" "$tree/dists/$suite/Release"
rm "$tree/dists/$suite/Release"
gpg --batch --quiet --export -o "$work/keyring.gpg"
bytes=$(find "$tree/pool" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')

dbx="./debindex -q verify --keyring $work/keyring.gpg --tree $tree --suite $suite --deep --jobs $jobs"
# the audit must pass, or the timing means nothing
eval "$dbx" || { echo "compare-deep: the audit of the synthetic mirror failed" >&2; exit 1; }
sha="cd $tree && find pool -type f -print0 | xargs -0 -n 8 -P $jobs sha256sum >/dev/null"
both="cd $tree && find pool -type f -print0 | xargs -0 -n 8 -P $jobs sh -c 'sha256sum \"\$@\" && sha512sum \"\$@\"' _ >/dev/null"
hyperfine --warmup 1 --runs "$runs" --export-json "$work/deep.json" \
  -n "debindex verify --deep --jobs $jobs" "$dbx" \
  -n "sha256sum -P $jobs" "$sha" \
  -n "sha256sum + sha512sum -P $jobs" "$both" >/dev/null

python3 - "$work/deep.json" "$bytes" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
mb = int(sys.argv[2]) / 1e6
print(f"pool: {mb:.0f} MB")
print("| command | median s | min s | max s | MB/s (median) |")
print("|---|---:|---:|---:|---:|")
for r in results:
    print(f"| {r['command']} | {r['median']:.3f} | {r['min']:.3f} | {r['max']:.3f} | {mb / r['median']:.0f} |")
d = results[0]["median"]
print(f"| ratio debindex / sha256sum | {d / results[1]['median']:.2f} | | | |")
print(f"| ratio debindex / sha256sum + sha512sum | {d / results[2]['median']:.2f} | | | |")
PY
