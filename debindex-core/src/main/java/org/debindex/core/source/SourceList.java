package org.debindex.core.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.VerificationException;
import org.debindex.core.openpgp.Keyring;

/**
 * The configured apt sources, in the order apt reads them, with the warnings met while reading
 * them; apt's {@code pkgSourceList}.
 *
 * <p>Entries for one repository (the same URI, ignoring scheme and user, and suite: the entries
 * that share one {@code Release} file, as apt's {@code GetDebReleaseIndexBy} groups them, whatever
 * their type and components) must agree on the options that belong to the Release, as apt
 * requires ({@code debReleaseIndex::Set*} in {@code debmetaindex.cc}), checked in entry order:
 * <ul>
 *   <li>{@code allow-insecure}, {@code allow-weak}, {@code allow-downgrade-to-insecure} and
 *       {@code inrelease-path} must be the same in every entry;</li>
 *   <li>{@code trusted}, {@code check-valid-until} and {@code check-date} must be the same in every
 *       entry, not set counting as a value of its own;</li>
 *   <li>{@code valid-until-min}, {@code valid-until-max} and {@code date-max-future}: the first
 *       entry that sets one fixes it, and every later entry must give the same value;</li>
 *   <li>{@code Signed-By}: the first entry that sets it fixes it (compared after apt's
 *       normalisation: parts joined by commas, fingerprints upper-case); a later entry must give the
 *       same keys or, only if it comes before any entry that sets it, none. An entry without
 *       {@code Signed-By} is then bound to the group's keys too: {@link #signedBy}.</li>
 * </ul>
 * A violation is a {@link MalformedInputException} at the later entry.
 *
 * <p>Immutable and thread-safe.
 */
public final class SourceList {

    private final List<SourceEntry> entries;
    private final List<SourceWarning> warnings;
    private final Map<String, String> signedByOfRepository;

    private SourceList(List<SourceEntry> entries, List<SourceWarning> warnings, Map<String, String> signedBy) {
        this.entries = List.copyOf(entries);
        this.warnings = List.copyOf(warnings);
        this.signedByOfRepository = Map.copyOf(signedBy);
    }

    /**
     * Checks entries against each other as apt does (see the class comment) and keeps them.
     *
     * @param entries  the entries, in the order apt reads them
     * @param warnings warnings met while reading them
     * @throws MalformedInputException at the first entry whose options conflict with an earlier
     *         entry for the same repository
     * @throws NullPointerException if an argument or an element is null
     */
    public static SourceList of(List<SourceEntry> entries, List<SourceWarning> warnings) throws MalformedInputException {
        List<SourceEntry> all = List.copyOf(entries);
        Map<String, Repository> repositories = new HashMap<>();
        for (SourceEntry entry : all) {
            repositories.computeIfAbsent(repositoryKey(entry), k -> new Repository(entry)).add(entry);
        }
        Map<String, String> signedBy = new HashMap<>();
        repositories.forEach((key, repository) -> repository.signedBy.ifPresent(v -> signedBy.put(key, v)));
        return new SourceList(all, warnings, signedBy);
    }

    /** No sources. */
    public static SourceList empty() {
        return new SourceList(List.of(), List.of(), Map.of());
    }

    /**
     * The lists one after the other, as apt reads several files; the checks of {@link #of} run
     * again across them.
     *
     * @throws MalformedInputException if entries of different lists conflict
     * @throws NullPointerException if {@code lists} or an element is null
     */
    public static SourceList concat(List<SourceList> lists) throws MalformedInputException {
        List<SourceEntry> entries = new ArrayList<>();
        List<SourceWarning> warnings = new ArrayList<>();
        for (SourceList list : lists) {
            entries.addAll(list.entries);
            warnings.addAll(list.warnings);
        }
        return of(entries, warnings);
    }

    /** The entries, in the order apt reads them. */
    public List<SourceEntry> entries() {
        return entries;
    }

    /** What apt would ignore or read in a surprising way, in reading order. */
    public List<SourceWarning> warnings() {
        return warnings;
    }

    /**
     * The {@code Signed-By} value apt applies to the entry's repository: the entry's own, or that
     * of an entry for the same URI and suite that sets one (apt verifies their shared Release once).
     *
     * @return the value as written, or empty when apt uses its trusted keyrings
     * @throws NullPointerException if {@code entry} is null
     */
    public Optional<String> signedBy(SourceEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.signedBy().isPresent()) {
            return entry.signedBy();
        }
        return Optional.ofNullable(signedByOfRepository.get(repositoryKey(entry)));
    }

    /**
     * The keys the entry's Release must be signed with, as apt chooses them: those its
     * {@linkplain #signedBy Signed-By} allows ({@link Keyring#fromSignedBy(String, List)}), else every
     * key in the trusted keyrings ({@link HostSources#trustedKeyrings}).
     *
     * @param entry           an entry of this list
     * @param trustedKeyrings the host's trusted keyring files and directories; may be empty when
     *                        every entry names its own keyring
     * @throws VerificationException {@link FindingCode#KEYRING_UNUSABLE} if no usable key results,
     *         or the keys must come from {@code trustedKeyrings} and there are none
     * @throws IOException if a keyring file cannot be read
     * @throws NullPointerException if an argument or an element is null
     */
    public Keyring keyring(SourceEntry entry, List<Path> trustedKeyrings) throws IOException, VerificationException {
        Objects.requireNonNull(trustedKeyrings, "trustedKeyrings");
        Optional<String> value = signedBy(entry);
        if (value.isPresent()) {
            return Keyring.fromSignedBy(value.get(), trustedKeyrings);
        }
        if (trustedKeyrings.isEmpty()) {
            throw new VerificationException(FindingCode.KEYRING_UNUSABLE, entry.origin()
                    + ": no Signed-By and no trusted keyring (trusted.gpg.d, trusted.gpg) to fall back on");
        }
        return Keyring.load(trustedKeyrings);
    }

    /**
     * As {@link #keyring(SourceEntry, List)}, with the trusted keys already loaded.
     *
     * @throws VerificationException {@link FindingCode#KEYRING_UNUSABLE} if the Signed-By value
     *         holds no usable key
     * @throws IOException if a keyring file named by Signed-By cannot be read
     * @throws NullPointerException if an argument is null
     */
    public Keyring keyring(SourceEntry entry, Keyring trusted) throws IOException, VerificationException {
        Objects.requireNonNull(trusted, "trusted");
        Optional<String> value = signedBy(entry);
        return value.isPresent() ? Keyring.fromSignedBy(value.get(), trusted) : trusted;
    }

    @Override
    public String toString() {
        return "SourceList" + entries;
    }

    /**
     * apt's identity of a Release file ({@code URItoFileName} of the Release URI): the URI without
     * scheme and user information, and the suite.
     */
    static String repositoryKey(SourceEntry entry) {
        URI uri = entry.uri();
        String host = uri.getHost() == null ? Objects.toString(uri.getRawAuthority(), "") : uri.getHost();
        String place = uri.isOpaque() ? uri.getRawSchemeSpecificPart() : host + ":" + uri.getPort() + uri.getRawPath();
        return place + "\u0000" + entry.suite();
    }

    /** The options of one Release, as apt fixes them while it reads the entries that share it. */
    private static final class Repository {
        private final Map<String, String> releaseOptions;
        private final SourceEntry first;
        private final Optional<Boolean> trusted;
        private final Optional<Boolean> checkValidUntil;
        private final Optional<Boolean> checkDate;
        private final Map<String, Duration> durations = new HashMap<>();
        private final Map<String, SourceEntry> durationSetBy = new HashMap<>();
        private Optional<String> signedBy = Optional.empty();
        private String normalisedSignedBy = "";
        private SourceEntry signedBySetBy;

        Repository(SourceEntry first) {
            this.first = first;
            this.releaseOptions = releaseOptions(first.options());
            this.trusted = first.options().trusted();
            this.checkValidUntil = first.options().checkValidUntil();
            this.checkDate = first.options().checkDate();
        }

        void add(SourceEntry entry) throws MalformedInputException {
            SourceOptions o = entry.options();
            Map<String, String> release = releaseOptions(o);
            if (!release.equals(releaseOptions)) {
                for (String name : List.of("allow-insecure", "allow-weak", "allow-downgrade-to-insecure", "inrelease-path")) {
                    if (!Objects.equals(release.get(name), releaseOptions.get(name))) {
                        throw conflict(entry, name, release.get(name), releaseOptions.get(name), first);
                    }
                }
            }
            same(entry, "trusted", o.trusted(), trusted);
            same(entry, "check-valid-until", o.checkValidUntil(), checkValidUntil);
            same(entry, "valid-until-max", o.validUntilMax());
            same(entry, "valid-until-min", o.validUntilMin());
            same(entry, "check-date", o.checkDate(), checkDate);
            same(entry, "date-max-future", o.dateMaxFuture());
            if (entry.signedBy().isPresent() && signedBySetBy == null) {
                signedBy = entry.signedBy();
                normalisedSignedBy = AptSyntax.normaliseSignedBy(entry.signedBy().get());
                signedBySetBy = entry;
            } else if (signedBySetBy != null) {
                String mine = entry.signedBy().map(AptSyntax::normaliseSignedBy).orElse("");
                if (!mine.equals(normalisedSignedBy)) {
                    throw conflict(entry, "Signed-By", entry.signedBy().orElse(null), signedBy.get(), signedBySetBy);
                }
            }
        }

        private void same(SourceEntry entry, String name, Optional<Boolean> value, Optional<Boolean> fixed)
                throws MalformedInputException {
            if (!value.equals(fixed)) {
                throw conflict(entry, name, value.map(b -> b ? "yes" : "no").orElse(null),
                        fixed.map(b -> b ? "yes" : "no").orElse(null), first);
            }
        }

        private void same(SourceEntry entry, String name, Optional<Duration> value) throws MalformedInputException {
            Duration fixed = durations.get(name);
            if (fixed == null) {
                value.ifPresent(v -> {
                    durations.put(name, v);
                    durationSetBy.put(name, entry);
                });
            } else if (!value.equals(Optional.of(fixed))) {
                throw conflict(entry, name, value.map(d -> Long.toString(d.getSeconds())).orElse(null),
                        Long.toString(fixed.getSeconds()), durationSetBy.get(name));
            }
        }

        private static Map<String, String> releaseOptions(SourceOptions o) {
            Map<String, String> out = new TreeMap<>();
            if (o.allowInsecure().orElse(false)) {
                out.put("allow-insecure", "yes");
            }
            if (o.allowWeak().orElse(false)) {
                out.put("allow-weak", "yes");
            }
            if (o.allowDowngradeToInsecure().orElse(false)) {
                out.put("allow-downgrade-to-insecure", "yes");
            }
            o.inReleasePath().ifPresent(p -> out.put("inrelease-path", p));
            return out;
        }

        private static MalformedInputException conflict(SourceEntry entry, String option, String value, String fixed,
                                                        SourceEntry fixedBy) {
            return new MalformedInputException(entry.source(), entry.line(), -1, "conflicting values for option "
                    + option + " of " + entry.uri() + " " + entry.suite() + ": " + describe(value) + " here, "
                    + describe(fixed) + " at " + fixedBy.origin() + "; apt requires the same value in every entry for one repository");
        }

        private static String describe(String value) {
            return value == null ? "not set" : MalformedInputException.quote(value);
        }
    }
}
