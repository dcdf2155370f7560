package org.debindex.core.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.cache.RepositoryState;
import org.debindex.core.model.Release;
import org.debindex.core.openpgp.Fingerprint;

/**
 * Compares a newly verified Release with what was accepted from the same repository before: the
 * checks apt does not make (trust-chain.md §3 "Rollback", §2F items 21 and 22).
 *
 * <ul>
 *   <li>an older {@code Date} is a replay or a frozen mirror: {@link FindingCode#RELEASE_ROLLBACK};</li>
 *   <li>the same {@code Date} with other content is equivocation: also a rollback refusal;</li>
 *   <li>a repository that was signed and now is not: {@link FindingCode#RELEASE_DOWNGRADE};</li>
 *   <li>a changed {@code Origin}, {@code Label} or {@code Codename}:
 *       {@link FindingCode#RELEASE_INFO_CHANGED}, refused until the user accepts it (apt's
 *       {@code --allow-releaseinfo-change}).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class ReleaseHistory {

    private ReleaseHistory() {
    }

    /**
     * Checks a Release against the last accepted state.
     *
     * @param previous      the last accepted state of this repository suite, empty on a first run
     * @param release       the new Release (verified, or read unsigned)
     * @param releaseSha256 the SHA-256 of its text, lower-case hex
     * @param signed        whether it came with an accepted signature
     * @param target        how findings name it
     * @return the findings, empty when nothing changed for the worse
     * @throws NullPointerException if an argument is null
     */
    public static List<Finding> check(Optional<RepositoryState> previous, Release release, String releaseSha256,
                                      boolean signed, String target) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(releaseSha256, "releaseSha256");
        Objects.requireNonNull(target, "target");
        List<Finding> findings = new ArrayList<>();
        if (!signed) {
            findings.add(previous.filter(RepositoryState::signed).isPresent()
                    ? Finding.error(FindingCode.RELEASE_DOWNGRADE, target, "was signed when last accepted ("
                            + previous.get().verified() + ") and is not signed now")
                    : Finding.error(FindingCode.RELEASE_UNSIGNED, target, "is not signed"));
        }
        if (previous.isEmpty()) {
            return List.copyOf(findings);
        }
        RepositoryState before = previous.get();
        release.date().ifPresent(date -> {
            if (date.isBefore(before.date())) {
                findings.add(Finding.error(FindingCode.RELEASE_ROLLBACK, target, "is dated " + date
                        + ", older than the Release accepted before (" + before.date()
                        + "): a replayed or frozen Release"));
            } else if (date.equals(before.date()) && !releaseSha256.equals(before.releaseSha256())) {
                findings.add(Finding.error(FindingCode.RELEASE_ROLLBACK, target, "has the same Date (" + date
                        + ") as the Release accepted before but other content: the repository equivocates"));
            }
        });
        changed("Origin", before.origin(), oneLine(release.origin()), target, findings);
        changed("Label", before.label(), oneLine(release.label()), target, findings);
        changed("Codename", before.codename(), oneLine(release.codename()), target, findings);
        return List.copyOf(findings);
    }

    /** The state to remember after accepting {@code release}. @throws NullPointerException if an argument is null */
    public static RepositoryState accepted(String repository, Release release, String releaseSha256,
                                           List<Fingerprint> signers, Instant now) {
        Objects.requireNonNull(release, "release");
        Instant date = release.date().orElseThrow(() -> new IllegalArgumentException("a Release without Date cannot be accepted"));
        return new RepositoryState(repository, date, releaseSha256, signers, oneLine(release.origin()),
                oneLine(release.label()), oneLine(release.codename()), now);
    }

    /** A Release field as the state keeps it: its first line (these fields are one line in practice). */
    private static Optional<String> oneLine(Optional<String> value) {
        return value.map(v -> v.lines().findFirst().orElse(""));
    }

    private static void changed(String field, Optional<String> before, Optional<String> now, String target,
                                List<Finding> findings) {
        if (!before.equals(now)) {
            findings.add(Finding.error(FindingCode.RELEASE_INFO_CHANGED, target, "changed its \"" + field + "\" from "
                    + before.map(v -> "\"" + v + "\"").orElse("(none)") + " to " + now.map(v -> "\"" + v + "\"").orElse("(none)")
                    + "; accept the change explicitly before it is used"));
        }
    }
}
