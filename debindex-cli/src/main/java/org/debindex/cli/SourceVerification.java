package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.debindex.core.Finding;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.VerificationException;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.cache.RepositoryState;
import org.debindex.core.cache.StateStore;
import org.debindex.core.fetch.FetchPolicy;
import org.debindex.core.fetch.Fetcher;
import org.debindex.core.fetch.Fetchers;
import org.debindex.core.openpgp.Keyring;
import org.debindex.core.source.SourceEntry;
import org.debindex.core.source.SourceList;
import org.debindex.core.source.SourceType;
import org.debindex.core.update.Acquisition;
import org.debindex.verify.trust.AuditOptions;
import org.debindex.verify.trust.AuditProgress;
import org.debindex.verify.trust.PoolFiles;
import org.debindex.verify.trust.SourceAudit;
import org.debindex.verify.trust.TrustReport;

/**
 * {@code debindex verify [SOURCE...]}: the configured sources, grouped by repository suite as
 * {@code update} groups them, each audited where it is served ({@link SourceAudit}) with its own
 * keyring (its Signed-By, else the host's trusted keyrings; {@code --keyring} overrides both).
 *
 * <p>Not thread-safe: one instance per run.
 */
final class SourceVerification {

    private final SourceList sources;
    private final List<String> architectures;
    private final boolean withSources;
    private final boolean withContents;
    /** Flat repositories met by {@link #select}: they have no dists/SUITE to audit here. */
    private final List<String> flat = new ArrayList<>();

    SourceVerification(SourceList sources, List<String> architectures, boolean withSources, boolean withContents) {
        this.sources = sources;
        this.architectures = List.copyOf(architectures);
        this.withSources = withSources;
        this.withContents = withContents;
    }

    /**
     * The repository suites to audit, with the entries of each: all, or those a selector names
     * (its {@code BASE-URI SUITE}, its base URI, or its suite).
     *
     * @throws IllegalArgumentException naming a selector that matches no configured source
     */
    Map<String, List<SourceEntry>> select(List<String> selectors) {
        flat.clear();
        Map<String, List<SourceEntry>> suites = new LinkedHashMap<>();
        for (SourceEntry e : sources.entries()) {
            if (e.isFlat()) {
                flat.add(e.origin() + ": " + e.uri() + " " + e.suite());
                continue;
            }
            suites.computeIfAbsent(Acquisition.repositoryKey(e.uri(), e.suite()), k -> new ArrayList<>()).add(e);
        }
        if (selectors.isEmpty()) {
            return suites;
        }
        Map<String, List<SourceEntry>> chosen = new LinkedHashMap<>();
        for (String selector : selectors) {
            boolean found = false;
            for (Map.Entry<String, List<SourceEntry>> s : suites.entrySet()) {
                SourceEntry first = s.getValue().get(0);
                String uri = first.uri().toString();
                if (selector.equals(s.getKey()) || selector.equals(first.suite()) || selector.equals(uri)
                        || (selector + "/").equals(uri)) {
                    chosen.put(s.getKey(), s.getValue());
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no configured source matches " + MalformedInputException.quote(selector)
                        + " and no such file exists; expected a file, a base URI, a suite, or 'URI SUITE' of"
                        + " 'debindex sources'");
            }
        }
        return chosen;
    }

    /** What to fetch and check of one repository suite: the index files update would fetch. */
    SourceAudit.Target target(String repository, List<SourceEntry> entries) {
        List<String> targets = new ArrayList<>();
        Set<String> required = new LinkedHashSet<>();
        for (SourceEntry e : entries) {
            boolean deb = e.type() == SourceType.DEB;
            if (!deb && !withSources) {
                continue;
            }
            for (String component : e.components()) {
                if (!deb) {
                    add(targets, required, component + "/source/Sources", true);
                    continue;
                }
                for (String arch : e.architectures(architectures)) {
                    add(targets, required, component + "/binary-" + arch + "/Packages", true);
                }
                add(targets, required, component + "/i18n/Translation-en", false);
                if (withContents) {
                    for (String arch : e.architectures(architectures)) {
                        add(targets, required, component + "/Contents-" + arch, false);
                    }
                    add(targets, required, component + "/Contents-all", false);
                }
            }
        }
        SourceEntry first = entries.get(0);
        return new SourceAudit.Target(repository, base(first.uri()), first.suite(), targets, required);
    }

    private static void add(List<String> targets, Set<String> required, String path, boolean isRequired) {
        if (!targets.contains(path)) {
            targets.add(path);
        }
        if (isRequired) {
            required.add(path);
        }
    }

    private static URI base(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /**
     * Audits the selected sources one after the other.
     *
     * @param keyringOverride {@code --keyring}, when given
     */
    List<SourceAudit.Report> audit(Map<String, List<SourceEntry>> selected, Optional<Keyring> keyringOverride,
                                   CacheLayout layout, AuditOptions options, AuditProgress progress)
            throws IOException, MalformedInputException {
        Map<String, RepositoryState> state = Files.exists(layout.stateFile())
                ? StateStore.load(layout.stateFile()) : Map.of();
        Fetcher fetcher = Fetchers.standard(FetchPolicy.defaults());
        List<SourceAudit.Report> reports = new ArrayList<>();
        for (Map.Entry<String, List<SourceEntry>> s : selected.entrySet()) {
            SourceAudit.Target target = target(s.getKey(), s.getValue());
            Keyring keyring;
            try {
                keyring = keyringOverride.isPresent() ? keyringOverride.get()
                        : sources.keyring(s.getValue().get(0), Configuration.trustedKeyrings());
            } catch (VerificationException e) {
                // the first link fails: a report, as for --keyring files without a usable key
                reports.add(new SourceAudit.Report(target, new TrustReport(target.repository(),
                        Optional.of(target.suite()), options.at(), Optional.empty(), List.of(), Optional.empty(),
                        List.of(Finding.error(FindingCode.KEYRING_UNUSABLE, s.getValue().get(0).origin(),
                                e.getMessage()))), List.of(), Optional.ofNullable(state.get(s.getKey()))));
                continue;
            }
            Path scratch = Files.createTempDirectory("debindex-verify-");
            try {
                PoolFiles pool = target.base().getScheme().equals("file")
                        ? PoolFiles.local(Path.of(target.base()))
                        : PoolFiles.remote(target.base(), fetcher, scratch);
                reports.add(SourceAudit.run(target, keyring, fetcher, scratch,
                        Optional.ofNullable(state.get(s.getKey())), options, pool, progress));
            } finally {
                deleteTree(scratch);
            }
        }
        return reports;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The warnings of reading the sources, unless quiet. */
    void printWarnings(PrintWriter err) {
        Configuration.printWarnings(sources, err);
    }

    /** The flat repositories {@link #select} left out, one warning each. */
    void printSkipped(PrintWriter err) {
        for (String f : flat) {
            err.println("debindex: warning: " + f + ": a flat repository is not audited as a source;"
                    + " use verify --tree DIR --suite SUITE on a local copy");
        }
        err.flush();
    }
}
