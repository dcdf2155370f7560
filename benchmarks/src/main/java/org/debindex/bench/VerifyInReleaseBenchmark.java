package org.debindex.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.debindex.core.openpgp.ClearsignedMessage;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.ReleaseSignatures;
import org.debindex.core.openpgp.ReleaseVerification;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verifying the real trixie {@code InRelease} (140 KB, two RSA-4096 and one Ed25519 signature)
 * against {@code debian-archive-keyring.gpg}: with the keyring already loaded, with the keyring
 * read and parsed each time (what one {@code gpgv} or {@code sqv} process does), and the strict
 * split alone. Compare with {@code benchmarks/compare-verify.sh}, which times gpgv and sqv on the
 * same files.
 *
 * <p>Run from the checkout: {@code java -jar benchmarks/target/benchmarks.jar VerifyInRelease -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class VerifyInReleaseBenchmark {

    /** The day the shared data was fetched, so that the result does not depend on today's date. */
    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    private byte[] inRelease;
    private byte[] keyringBytes;
    private Path keyringPath;
    private Keyring keyring;

    @Setup
    public void load() throws Exception {
        inRelease = Files.readAllBytes(BenchData.trixie("InRelease"));
        keyringPath = BenchData.root().resolve("keyrings/debian-archive-keyring.gpg");
        keyringBytes = Files.readAllBytes(keyringPath);
        keyring = Keyring.parse(keyringBytes, "debian-archive-keyring.gpg");
        ReleaseVerification check = ReleaseSignatures.verifyInRelease(inRelease, "InRelease", keyring, AT);
        if (!check.isAccepted() || check.goodSigners().size() != 3) {
            throw new IllegalStateException("benchmark input does not verify: " + check.message());
        }
    }

    /** Split and verify all three signatures, keys already parsed. */
    @Benchmark
    public ReleaseVerification verifyWithLoadedKeyring() {
        return ReleaseSignatures.verifyInRelease(inRelease, "InRelease", keyring, AT);
    }

    /** Read and parse the keyring file, then split and verify: one gpgv run's work. */
    @Benchmark
    public ReleaseVerification loadKeyringAndVerify() throws Exception {
        Keyring fresh = Keyring.load(keyringPath);
        return ReleaseSignatures.verifyInRelease(inRelease, "InRelease", fresh, AT);
    }

    /** The strict cleartext split alone. */
    @Benchmark
    public byte[] splitOnly() throws Exception {
        return ClearsignedMessage.split(inRelease, "InRelease").canonicalText();
    }
}
