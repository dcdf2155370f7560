package org.debindex.core.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.Severity;
import org.debindex.core.deb822.Paragraph;
import org.debindex.core.model.HashAlgorithm;
import org.debindex.core.model.Release;

/**
 * The checks a verified Release's own fields must pass before its checksums are trusted
 * (trust-chain.md §2F and §3): strong checksums listed, {@code Date} present and not in the
 * future, {@code Valid-Until} not past, the suite asked for, safe paths.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReleaseChecks {

    private ReleaseChecks() {
    }

    /**
     * Checks a Release.
     *
     * @param release      the Release, parsed from verified text only
     * @param target       how findings name it, e.g. {@code dists/trixie/InRelease}
     * @param at           the verification time
     * @param expectedDist the suite or codename asked for (the sources entry's suite), if any
     * @param policy       clock skew and what to check
     * @return the findings, errors first; none when the Release passes
     * @throws NullPointerException if an argument is null
     */
    public static List<Finding> check(Release release, String target, Instant at, Optional<String> expectedDist,
                                      ReleaseCheckPolicy policy) {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expectedDist, "expectedDist");
        Objects.requireNonNull(policy, "policy");
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        if (release.checksums(HashAlgorithm.SHA256).isEmpty() && release.checksums(HashAlgorithm.SHA512).isEmpty()) {
            errors.add(Finding.error(FindingCode.RELEASE_WEAK_HASHES, target, release.checksums().isEmpty()
                    ? "lists no checksums at all; SHA256 or SHA512 is needed"
                    : "lists only MD5Sum/SHA1 checksums, which provide only weak security information; "
                            + "SHA256 or SHA512 is needed"));
        }
        if (policy.checkDates()) {
            checkDates(release, target, at, policy, errors);
        }
        Severity distSeverity = policy.distMismatchIsError() ? Severity.ERROR : Severity.WARNING;
        expectedDist.flatMap(dist -> distMismatch(release, dist)).ifPresent(problem ->
                (distSeverity == Severity.ERROR ? errors : warnings).add(
                        new Finding(distSeverity, FindingCode.RELEASE_DIST_MISMATCH, target, problem)));
        for (String path : release.files().keySet()) {
            RelativePaths.problem(path).ifPresent(problem -> errors.add(Finding.error(FindingCode.PATH_UNSAFE, target,
                    "lists path " + MalformedInputException.quote(path) + " that " + problem)));
        }
        upperCaseDigests(release.paragraph()).ifPresent(field -> warnings.add(Finding.warning(
                FindingCode.RELEASE_PARSE, target, "field \"" + field + "\" has upper-case hex digests; "
                        + "read as lower case (apt would report a hash mismatch)")));
        List<Finding> all = new ArrayList<>(errors);
        all.addAll(warnings);
        return List.copyOf(all);
    }

    /**
     * The finding for a Release text that does not parse.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Finding parseError(String target, MalformedInputException e) {
        Objects.requireNonNull(target, "target");
        String where = e.line() > 0 ? "line " + e.line() + ": " : "";
        return Finding.error(FindingCode.RELEASE_PARSE, target, where + e.problem());
    }

    private static void checkDates(Release release, String target, Instant at, ReleaseCheckPolicy policy,
                                   List<Finding> errors) {
        Optional<Instant> date = release.date();
        if (date.isEmpty()) {
            errors.add(Finding.error(FindingCode.RELEASE_PARSE, target,
                    "has no Date field; without it neither freshness nor rollback can be judged"));
        } else if (date.get().isAfter(at.plus(policy.maxFutureDate()))) {
            errors.add(Finding.error(FindingCode.RELEASE_NOT_YET_VALID, target, "is dated " + date.get() + ", "
                    + describe(Duration.between(at, date.get())) + " after the verification time " + at
                    + " (more than the allowed " + policy.maxFutureDate().toSeconds() + " s clock skew)"));
        }
        release.validUntil().ifPresent(until -> {
            if (at.isAfter(until)) {
                errors.add(Finding.error(FindingCode.RELEASE_EXPIRED, target, "expired: Valid-Until " + until
                        + " is " + describe(Duration.between(until, at)) + " before the verification time " + at));
            }
        });
    }

    /** apt's rule (debReleaseIndex): the configured dist must equal the Codename or the Suite. */
    private static Optional<String> distMismatch(Release release, String dist) {
        if (dist.endsWith("/")) {
            return Optional.empty(); // a flat repository names a directory, not a suite
        }
        boolean matches = release.codename().map(dist::equals).orElse(false)
                || release.suite().map(dist::equals).orElse(false);
        if (matches) {
            return Optional.empty();
        }
        return Optional.of("was asked for as \"" + dist + "\" but says Suite "
                + release.suite().map(s -> "\"" + s + "\"").orElse("(none)") + " and Codename "
                + release.codename().map(s -> "\"" + s + "\"").orElse("(none)"));
    }

    private static Optional<String> upperCaseDigests(Paragraph paragraph) {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            int i = paragraph.indexOf(algorithm.releaseField());
            if (i < 0) {
                continue;
            }
            // a plain scan, not split(regex) per line: a Release lists thousands of files and a
            // regex compiled per line cost verify ~0.3 s of a cold JVM
            String value = paragraph.value(i);
            boolean inDigest = false;
            boolean seenDigest = false;
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (c == '\n') {
                    inDigest = false;
                    seenDigest = false;
                } else if (c == ' ' || c == '\t') {
                    if (inDigest) {
                        inDigest = false;
                        seenDigest = true; // the rest of the line is size and path
                    }
                } else if (!seenDigest) {
                    inDigest = true;
                    if (c >= 'A' && c <= 'F') {
                        return Optional.of(paragraph.name(i));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 2 * 3600) {
            return (s / 60) + " min";
        }
        if (s < 2 * 86400) {
            return (s / 3600) + " h";
        }
        return (s / 86400) + " days";
    }
}
