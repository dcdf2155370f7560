package org.debindex.core.relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.MalformedInputException;

/**
 * The value of a relation field such as {@code Depends} or {@code Build-Depends}: OR-groups that
 * must all be satisfied, separated by {@code ,} (Debian Policy §7.1).
 *
 * <pre>{@code
 * RelationList depends = RelationList.parse("libc6 (>= 2.36), default-mta | mail-transport-agent",
 *         RelationField.DEPENDS);
 * depends.groups().get(1).relations().get(0).packageName();   // "default-mta"
 * depends.toString();   // "libc6 (>= 2.36), default-mta | mail-transport-agent"
 * }</pre>
 *
 * <p>{@link #toString()} prints the normalised text, and parsing it again gives an equal value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param groups the OR-groups in the order written; empty for an empty field
 */
public record RelationList(List<Alternatives> groups) {

    private static final RelationList EMPTY = new RelationList(List.of());

    /**
     * Copies the groups.
     *
     * @throws NullPointerException if {@code groups} or an element is null
     */
    public RelationList {
        groups = List.copyOf(groups);
    }

    /** The list with no relations, as an empty or absent field has. */
    public static RelationList empty() {
        return EMPTY;
    }

    /**
     * Parses a field value by the rules of {@code field}.
     *
     * <p>Whitespace (spaces, tabs and the line ends of a folded value) separates tokens and is
     * otherwise insignificant. A value that is empty or only whitespace has no relations, as dpkg
     * ignores empty fields. The parser stops at the first error.
     *
     * @param value the field value, as in the file (continuation lines included) or unfolded
     * @param field the field the value belongs to, which decides what syntax is allowed
     * @return the parsed relations
     * @throws MalformedInputException if the value is not valid for {@code field}; the message
     *     names the problem, quotes the offending text and says what was expected, and
     *     {@link MalformedInputException#offset()} is the 0-based index in {@code value} where the
     *     problem was found (equal to the UTF-8 byte offset, since only ASCII can precede it)
     * @throws NullPointerException if an argument is null
     */
    public static RelationList parse(CharSequence value, RelationField field) throws MalformedInputException {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(field, "field");
        return new RelationParser(value.toString(), field).parseList();
    }

    /** Whether there are no relations. */
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** Every relation of every group, in the order written. */
    public List<Relation> allRelations() {
        List<Relation> all = new ArrayList<>(groups.size() + 4);
        for (Alternatives group : groups) {
            all.addAll(group.relations());
        }
        return List.copyOf(all);
    }

    /** Whether some version restriction was written with an obsolete {@code <} or {@code >}. */
    public boolean hasLegacyOperators() {
        for (Alternatives group : groups) {
            for (Relation relation : group.relations()) {
                Optional<VersionConstraint> version = relation.version();
                if (version.isPresent() && version.get().hasLegacySymbol()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The relations that apply when building for {@code architecture} with exactly
     * {@code activeProfiles} active, without their restrictions: alternatives that do not apply
     * are dropped, and a group left with none is dropped (Policy §7.1; dpkg-checkbuilddeps and
     * apt do the same).
     *
     * @param architecture the host architecture, such as {@code amd64}
     * @param activeProfiles the active build profiles; empty for a normal build
     * @throws NullPointerException if an argument is null
     */
    public RelationList evaluatedFor(String architecture, Set<String> activeProfiles) {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(activeProfiles, "activeProfiles");
        List<Alternatives> kept = new ArrayList<>(groups.size());
        for (Alternatives group : groups) {
            List<Relation> applying = new ArrayList<>(group.relations().size());
            for (Relation relation : group.relations()) {
                if (relation.appliesTo(architecture, activeProfiles)) {
                    applying.add(relation.withoutRestrictions());
                }
            }
            if (!applying.isEmpty()) {
                kept.add(new Alternatives(applying));
            }
        }
        return new RelationList(kept);
    }

    /** The normalised text: groups joined with {@code ", "}; empty for no relations. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(groups.size() * 24);
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            groups.get(i).appendTo(out);
        }
        return out.toString();
    }
}
