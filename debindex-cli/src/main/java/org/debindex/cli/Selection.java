package org.debindex.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.debindex.cli.output.QueryOutput;
import org.debindex.core.IndexFormatException;
import org.debindex.core.MalformedInputException;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;

/**
 * The packages one {@code PKG[=VERSION|/SUITE]} argument selects, after {@code --suite} and
 * {@code --arch}: newest first, each (name, version, architecture, suite, component) once, since
 * an {@code all} package is listed by the Packages file of every architecture.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param spec    the argument
 * @param filter  a description of the options, for messages
 * @param entries the selected packages; empty when none
 * @param all     every package of the name, for messages
 */
record Selection(PackageSpec spec, String filter, List<PackageEntry> entries, List<PackageEntry> all) {

    /** @throws NullPointerException if a component is null */
    Selection {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(filter, "filter");
        entries = List.copyOf(entries);
        all = List.copyOf(all);
    }

    /**
     * Parses the arguments.
     *
     * @throws UsageException if one is not {@code NAME}, {@code NAME=VERSION} or {@code NAME/SUITE}
     */
    static List<PackageSpec> parse(List<String> arguments) {
        List<PackageSpec> out = new ArrayList<>(arguments.size());
        for (String argument : arguments) {
            try {
                out.add(PackageSpec.parse(argument));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * What {@code spec} and {@code filter} select in {@code index}.
     *
     * @throws IndexFormatException if the snapshot is corrupt where this reads
     */
    static Selection of(PackageIndex index, PackageSpec spec, PackageFilter filter) throws IndexFormatException {
        List<PackageEntry> all = index.packages(spec.name());
        Map<List<String>, PackageEntry> selected = new LinkedHashMap<>();
        for (PackageEntry e : all) {
            if (spec.matches(e) && filter.matches(e)) {
                selected.putIfAbsent(List.of(e.version().toString(), e.architecture(), e.origin().suite(),
                        e.origin().codename(), e.origin().component()), e);
            }
        }
        return new Selection(spec, filter.describe(), new ArrayList<>(selected.values()), all);
    }

    /**
     * Why nothing was selected, one line: no such package (with suggestions), or the versions
     * that there are.
     *
     * @throws IndexFormatException if the snapshot is corrupt where this reads
     */
    String problem(PackageIndex index) throws IndexFormatException {
        if (all.isEmpty()) {
            return IndexSession.noPackage(index, spec.name());
        }
        Set<String> versions = new LinkedHashSet<>();
        for (PackageEntry e : all) {
            versions.add(e.version() + " (" + QueryOutput.where(e.origin()) + " "
                    + e.architecture() + ")");
        }
        List<String> listed = new ArrayList<>(versions);
        String more = listed.size() > 10 ? ", and " + (listed.size() - 10) + " more" : "";
        String selector = spec.selector();
        return "package " + MalformedInputException.quote(spec.name()) + " has no version"
                + (selector.isEmpty() ? "" : " matching " + selector) + filter
                + "; the index has: " + String.join(", ", listed.subList(0, Math.min(10, listed.size()))) + more;
    }
}
