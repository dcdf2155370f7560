package org.debindex.core.cache;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.openpgp.Fingerprint;

/**
 * What was last accepted from one repository suite: enough to detect a rollback, a replay of an
 * older Release, a signed repository turning unsigned, and changed Release information
 * (trust-chain.md §2F items 21, 22 and §3).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param repository    the repository suite's identity, {@code BASE-URI SUITE}, e.g.
 *                      {@code http://mirror.example/debian/ trixie}
 * @param date          the accepted Release's {@code Date}
 * @param releaseSha256 the SHA-256 of the accepted Release text, lower-case hex
 * @param signers       the keys whose signatures were good, empty for a repository that is not signed
 * @param origin        the Release's {@code Origin}, if any
 * @param label         the Release's {@code Label}, if any
 * @param codename      the Release's {@code Codename}, if any
 * @param verified      when this state was accepted
 */
public record RepositoryState(String repository, Instant date, String releaseSha256, List<Fingerprint> signers,
                              Optional<String> origin, Optional<String> label, Optional<String> codename,
                              Instant verified) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code repository} is blank or contains a line break,
     *     or {@code releaseSha256} is not 64 lower-case hex digits
     */
    public RepositoryState {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(releaseSha256, "releaseSha256");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(codename, "codename");
        Objects.requireNonNull(verified, "verified");
        signers = List.copyOf(signers);
        if (repository.isBlank() || repository.contains("\n")) {
            throw new IllegalArgumentException("repository must be one non-blank line: \"" + repository + "\"");
        }
        if (!HashAlgorithm.SHA256.isLowerHexDigest(releaseSha256)) {
            throw new IllegalArgumentException("releaseSha256 must be 64 lower-case hex digits: " + releaseSha256);
        }
        for (Optional<String> field : List.of(origin, label, codename)) {
            if (field.filter(v -> v.contains("\n")).isPresent()) {
                throw new IllegalArgumentException("Release fields must be one line: " + field.get());
            }
        }
    }

    /** Whether the accepted Release was signed. */
    public boolean signed() {
        return !signers.isEmpty();
    }
}
