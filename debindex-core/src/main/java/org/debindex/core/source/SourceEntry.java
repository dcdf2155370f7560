package org.debindex.core.source;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One apt source after expansion: a type, a repository URI, one suite and its components, with
 * the entry's options and where it was written.
 *
 * <p>A one-line entry is one {@code SourceEntry}; a deb822 stanza expands to one per type, URI and
 * suite, in that nesting order, as apt expands it ({@code pkgSourceList::Type::ParseStanza}), each
 * with all the stanza's components.
 *
 * <p>The suite is either a distribution such as {@code trixie} or {@code trixie/updates}, read from
 * {@code dists/<suite>/} with at least one component, or an exact path ending in {@code /} (a flat
 * repository, {@code ./} or {@code sub/dir/}), read from that directory under the URI and having no
 * components (sources.list(5), "suite can specify an exact path, in which case the components must
 * be omitted and suite must end with a slash").
 *
 * <p>The URI is normalised as apt normalises it ({@code ::URI} in apt's {@code strutl.cc}):
 * {@code file:///srv/mirror} becomes {@code file:/srv/mirror/}, and it always ends with a slash.
 * {@code signedBy} is the value as written in this entry; an entry without one may still be bound
 * to the keys another entry for the same repository names: see {@link SourceList#signedBy}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type       {@code deb} or {@code deb-src}
 * @param uri        the repository's base URI, ending in {@code /}
 * @param suite      the suite, or the exact path of a flat repository (ending in {@code /})
 * @param components the components in order; empty for a flat repository
 * @param signedBy   the {@code Signed-By} value as written: keyring paths and fingerprints, or an
 *                   embedded key block kept verbatim
 * @param options    the other options
 * @param source     the file it was read from, or {@code --repo}
 * @param line       the 1-based line of the one-line entry or of the deb822 stanza's first field
 */
public record SourceEntry(SourceType type, URI uri, String suite, List<String> components,
                          Optional<String> signedBy, SourceOptions options, String source, long line) {

    /**
     * Validates the entry.
     *
     * @throws NullPointerException if an argument or a component is null
     * @throws IllegalArgumentException if the URI is not absolute or does not end in {@code /};
     *         the suite is empty; a flat suite has components or another suite has none; a
     *         component is empty; or {@code line} is not positive
     */
    public SourceEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(suite, "suite");
        components = List.copyOf(components);
        Objects.requireNonNull(signedBy, "signedBy");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(source, "source");
        if (!uri.isAbsolute() || !uri.toString().endsWith("/")) {
            throw new IllegalArgumentException("uri must be absolute and end in \"/\": " + uri);
        }
        if (suite.isEmpty()) {
            throw new IllegalArgumentException("suite must not be empty");
        }
        if (suite.endsWith("/") && !components.isEmpty()) {
            throw new IllegalArgumentException("a flat repository (suite " + suite + ") has no components: " + components);
        }
        if (!suite.endsWith("/") && components.isEmpty()) {
            throw new IllegalArgumentException("suite " + suite + " needs at least one component");
        }
        for (String component : components) {
            if (component.isEmpty()) {
                throw new IllegalArgumentException("components must not be empty: " + components);
            }
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be positive: " + line);
        }
    }

    /** Whether this is a flat repository: the suite is an exact path ending in {@code /}. */
    public boolean isFlat() {
        return suite.endsWith("/");
    }

    /** Where the entry was written, {@code file:line}, for messages. */
    public String origin() {
        return source + ":" + line;
    }

    /**
     * The architectures apt fetches binary indexes for, given the host's ({@code APT::Architectures}):
     * those of the {@code arch} option, with its {@code +=} and {@code -=} applied.
     *
     * @param hostArchitectures what apt would use without the option, such as {@code [amd64, i386]}
     * @throws NullPointerException if {@code hostArchitectures} or an element is null
     */
    public List<String> architectures(List<String> hostArchitectures) {
        return options.architectures().resolve(hostArchitectures);
    }

    /** The entry in one-line form (without options) and its origin, for messages. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder().append(type.keyword()).append(' ').append(uri).append(' ').append(suite);
        for (String component : components) {
            out.append(' ').append(component);
        }
        return out.append(" (").append(origin()).append(')').toString();
    }
}
