#!/usr/bin/env bash
# Side by side, in one run on the same file: the time to verify the real trixie InRelease (three
# signatures) against debian-archive-keyring.gpg with gpgv, with sqv and with debindex.
#
# 1. Whole processes, process start included, in interleaved rounds (each round runs every
#    command once, in a rotating order, so that a slow spell of the VM hits all of them alike):
#      gpgv --keyring K InRelease
#      sqv --keyring K Release.gpg Release   sqv 1.1 checks detached signatures only (given the
#                                            InRelease itself it reports "Message has been
#                                            manipulated"), so it gets the InRelease split as apt's
#                                            sqv method splits it; the split is done once, untimed
#      java -cp benchmarks.jar org.debindex.bench.VerifyInReleaseOnce K InRelease
#                                            (no JVM options, as ./debindex starts the JVM; and with
#                                            -XX:TieredStopAtLevel=1, the opt-in the launcher names)
#      java -Dorg.bouncycastle.rsa.max_mr_tests=0 ... VerifyInReleaseOnce   a diagnostic, not a
#                                            setting to use: Bouncy Castle checks once per JVM that
#                                            each RSA modulus is composite (3 Miller-Rabin rounds on
#                                            a 4096-bit modulus), which a fresh process always pays
#                                            and JMH, after its first iteration, never does
#      java ... VerifyInReleaseOnce --startup-only   the JVM's start alone
#    Each figure is the median of N rounds, wall-clock and CPU time (user+sys of the child, all its
#    threads: less moved by other load than wall time); ratios are medians of per-round ratios.
# 2. In-process: JMH's VerifyInReleaseBenchmark (keyring already parsed; keyring read and parsed
#    each time; the split alone), warm JVM, beside the same gpgv and sqv medians.
#
# Needs: gpgv sqv python3 and benchmarks/target/benchmarks.jar
# (mvn -B -q -DskipTests -pl benchmarks -am package).
# Usage: benchmarks/compare-verify.sh [ROUNDS]   (default 40; DEBINDEX_TESTDATA overrides the data)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-40}
data=${DEBINDEX_TESTDATA:-../shared/testdata}
data=$(cd "$data" && pwd)
inrelease=$data/debian/dists/trixie/InRelease
keyring=$data/keyrings/debian-archive-keyring.gpg
jar=benchmarks/target/benchmarks.jar
once=org.debindex.bench.VerifyInReleaseOnce
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

gpgv_cmd=(gpgv --homedir "$work/home" --keyring "$keyring" "$inrelease")
sqv_cmd=(sqv --keyring "$keyring" "$work/Release.gpg" "$work/Release")
java_cmd=(java -Ddebindex.testdata="$data" -cp "$jar" "$once" "$keyring" "$inrelease")
java_c1_cmd=(java -XX:TieredStopAtLevel=1 -Ddebindex.testdata="$data" -cp "$jar" "$once" "$keyring" "$inrelease")
nomr_cmd=(java -Dorg.bouncycastle.rsa.max_mr_tests=0 -Ddebindex.testdata="$data" -cp "$jar" "$once" "$keyring" "$inrelease")
start_cmd=(java -cp "$jar" "$once" --startup-only)

# a command as one argument, its words joined by the unit separator (paths may hold spaces)
argv() { local IFS=$'\x1f'; echo "$*"; }

# every command must accept the file before it is timed
for cmd in gpgv_cmd sqv_cmd java_cmd; do
  declare -n c=$cmd
  "${c[@]}" >/dev/null 2>&1 || { echo "compare-verify: ${c[*]} does not accept the file" >&2; exit 1; }
done

echo "machine: $(nproc) cores, load average before:$(uptime | sed 's/.*load average://'); $(java -version 2>&1 | head -1)"
echo "peers: $(gpgv --version | head -1); $(sqv --version | head -1); file: trixie InRelease, $(stat -c %s "$inrelease") bytes, 3 signatures"

python3 - "$work/processes.json" "$rounds" \
  "gpgv InRelease" "$(argv "${gpgv_cmd[@]}")" \
  "sqv Release.gpg Release (apt's split of InRelease)" "$(argv "${sqv_cmd[@]}")" \
  "debindex VerifyInReleaseOnce (java, no options)" "$(argv "${java_cmd[@]}")" \
  "debindex VerifyInReleaseOnce (java -XX:TieredStopAtLevel=1)" "$(argv "${java_c1_cmd[@]}")" \
  "diagnostic: VerifyInReleaseOnce without BC's RSA modulus primality check" "$(argv "${nomr_cmd[@]}")" \
  "java start only (VerifyInReleaseOnce --startup-only)" "$(argv "${start_cmd[@]}")" <<'PY'
import json, resource, subprocess, sys, time
out, rounds, pairs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
cmds = [(pairs[i], pairs[i + 1].split('\x1f')) for i in range(0, len(pairs), 2)]
times = {name: {"wall": [], "cpu": []} for name, _ in cmds}
warmup = 3
def children_cpu():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime
for r in range(warmup + rounds):
    k = r % len(cmds)
    for name, argv in cmds[k:] + cmds[:k]:
        c0 = children_cpu()
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        t = time.perf_counter() - t0
        c = children_cpu() - c0
        if r >= warmup:
            times[name]["wall"].append(t)
            times[name]["cpu"].append(c)
json.dump(times, open(out, 'w'))
PY

java -Ddebindex.testdata="$data" -jar "$jar" VerifyInReleaseBenchmark -f 3 -wi 3 -i 5 -w 2s -r 2s \
  -rf json -rff "$work/jmh.json" -jvmArgsAppend "-Ddebindex.testdata=$data" >"$work/jmh.log" 2>&1 \
  || { cat "$work/jmh.log" >&2; exit 1; }
echo "load average after:$(uptime | sed 's/.*load average://')"
echo

python3 - "$work/processes.json" "$work/jmh.json" "$rounds" <<'PY'
import json, statistics, sys
times = json.load(open(sys.argv[1]))
jmh = json.load(open(sys.argv[2]))
rounds = int(sys.argv[3])
names = list(times)
gpgv, sqv = names[0], names[1]
med = {n: statistics.median(v["wall"]) for n, v in times.items()}
def per_round(n, peer, kind):
    return statistics.median(a / b for a, b in zip(times[n][kind], times[peer][kind]))
print(f"Whole processes, {rounds} interleaved rounds: wall-clock and CPU (user+sys, all threads) medians;")
print("ratios are medians of the per-round ratios.")
print()
print("| what | wall ms | wall min ms | CPU ms | wall × gpgv | wall × sqv | CPU × gpgv | CPU × sqv |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for n in names:
    t = times[n]
    print(f"| {n} | {med[n] * 1e3:.1f} | {min(t['wall']) * 1e3:.1f} | {statistics.median(t['cpu']) * 1e3:.0f} "
          f"| {per_round(n, gpgv, 'wall'):.2f} | {per_round(n, sqv, 'wall'):.2f} "
          f"| {per_round(n, gpgv, 'cpu'):.2f} | {per_round(n, sqv, 'cpu'):.2f} |")
print()
print("In-process (JMH, warm JVM, mean ± 99.9% error) against the whole-process peer medians above:")
print()
print("| JMH benchmark | ms/op | × gpgv | × sqv |")
print("|---|---:|---:|---:|")
for b in jmh:
    m = b["primaryMetric"]
    scale = {"us/op": 1e-3, "ms/op": 1.0, "ns/op": 1e-6, "s/op": 1e3}[m["scoreUnit"]]
    ms = m["score"] * scale
    err = m["scoreError"] * scale
    print(f"| {b['benchmark'].split('.')[-1]} | {ms:.3f} ± {err:.3f} | {ms / (med[gpgv] * 1e3):.3f} | {ms / (med[sqv] * 1e3):.3f} |")
PY
