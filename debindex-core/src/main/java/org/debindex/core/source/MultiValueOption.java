package org.debindex.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A multivalue apt source option such as {@code arch}/{@code Architectures}: either a value list
 * that replaces the default, or changes to the default, or both (sources.list(5), "Multivalue
 * options also have -= and += as separators").
 *
 * <p>In a one-line entry {@code arch=a,b} sets the list, {@code arch+=c} adds to it and
 * {@code arch-=d} removes from it; in a deb822 stanza the same are {@code Architectures},
 * {@code Architectures-Add} and {@code Architectures-Remove}. {@link #resolve} applies them as apt
 * does ({@code applyPlusMinusOptions} in apt's {@code debmetaindex.cc}): start from the set list,
 * or else the default; append each added value not yet present; then drop every removed value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param values  the list that replaces the default, if the option was set
 * @param added   values added to it ({@code +=}, {@code -Add}), in order
 * @param removed values removed from it ({@code -=}, {@code -Remove})
 */
public record MultiValueOption(Optional<List<String>> values, List<String> added, List<String> removed) {

    /** The option not given at all: the default applies unchanged. */
    public static final MultiValueOption DEFAULT = new MultiValueOption(Optional.empty(), List.of(), List.of());

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if an argument or a list element is null
     */
    public MultiValueOption {
        values = Objects.requireNonNull(values, "values").map(List::copyOf);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /**
     * A list that replaces the default.
     *
     * @throws NullPointerException if {@code values} or an element is null
     */
    public static MultiValueOption of(List<String> values) {
        return new MultiValueOption(Optional.of(values), List.of(), List.of());
    }

    /** Whether the option was not given in any form, so that the default applies unchanged. */
    public boolean isDefault() {
        return values.isEmpty() && added.isEmpty() && removed.isEmpty();
    }

    /**
     * The values in effect, given the default apt would use (for architectures: the host's
     * {@code APT::Architectures}).
     *
     * @param defaults the values in effect when the option does not set a list
     * @return a new immutable list, in order, without the removed values
     * @throws NullPointerException if {@code defaults} or an element is null
     */
    public List<String> resolve(List<String> defaults) {
        List<String> out = new ArrayList<>(values.orElse(List.copyOf(defaults)));
        for (String value : added) {
            if (!out.contains(value)) {
                out.add(value);
            }
        }
        out.removeAll(removed);
        return List.copyOf(out);
    }
}
