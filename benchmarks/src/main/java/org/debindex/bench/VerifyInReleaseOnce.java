package org.debindex.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.openpgp.ReleaseSignatures;
import org.debindex.core.openpgp.ReleaseVerification;

/**
 * Verifies one {@code InRelease} once and exits: the whole-process counterpart of
 * {@link VerifyInReleaseBenchmark}, timed beside {@code gpgv} and {@code sqv} by
 * {@code benchmarks/compare-verify.sh} so that JVM start-up and class loading are in the figure,
 * as process start is in theirs. The {@code ./debindex} launcher cannot verify yet; this class
 * does what one verify run will do (read and parse the keyring, split, check every signature,
 * judge at the current time) with no output.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.debindex.bench.VerifyInReleaseOnce
 * [KEYRING INRELEASE]} (default: the shared trixie {@code InRelease} and
 * {@code debian-archive-keyring.gpg}); {@code --startup-only} returns at once, to time the JVM's
 * start alone. A refused file ends the process with an exception and a non-zero status, so a timing
 * harness notices.
 *
 * <p>Not instantiable; stateless.
 */
public final class VerifyInReleaseOnce {

    private VerifyInReleaseOnce() {
    }

    /**
     * Verifies the file once.
     *
     * @param args nothing, {@code --startup-only}, or a keyring path and an InRelease path
     * @throws IllegalStateException if the file is refused
     * @throws IllegalArgumentException if the arguments are not one of those forms
     * @throws Exception if a file cannot be read or the keyring is unusable
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--startup-only")) {
            return;
        }
        Path keyringPath;
        Path inReleasePath;
        if (args.length == 0) {
            keyringPath = BenchData.root().resolve("keyrings/debian-archive-keyring.gpg");
            inReleasePath = BenchData.trixie("InRelease");
        } else if (args.length == 2) {
            keyringPath = Path.of(args[0]);
            inReleasePath = Path.of(args[1]);
        } else {
            throw new IllegalArgumentException("expected no arguments, --startup-only, or KEYRING INRELEASE; got "
                    + args.length + " arguments");
        }
        Keyring keyring = Keyring.load(keyringPath);
        ReleaseVerification result = ReleaseSignatures.verifyInRelease(Files.readAllBytes(inReleasePath),
                inReleasePath.toString(), keyring, Instant.now());
        if (!result.isAccepted()) {
            throw new IllegalStateException(result.message());
        }
    }
}
