package org.debindex.verify.deps.maven;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Maven version, ordered as Maven 3.8's {@code ComparableVersion} orders it.
 *
 * <p>The text is split into items at {@code .}, at {@code -} (which opens a sub-list) and at each
 * transition between digits and letters (which also opens a sub-list); a qualifier that ends the
 * text or is followed by a digit opens one too, so {@code 1.0-alpha1} is {@code [1, [alpha, [1]]]}
 * and {@code 2.0.a} is {@code [2, [a]]}, like {@code 2-a}. Numbers compare numerically; qualifiers compare as {@code alpha <
 * beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp}, and unknown qualifiers
 * come after {@code sp}, in case-insensitive lexical order; {@code a1}, {@code b1}, {@code m1}
 * stand for {@code alpha-1}, {@code beta-1}, {@code milestone-1}. Trailing zeros and release
 * qualifiers are dropped, so {@code 1 = 1.0 = 1.0.0 = 1.0-final = 1.0.RELEASE}. Any text is a
 * version: Maven never rejects one, and neither does this class.
 *
 * <p>{@link #equals} agrees with {@link #compareTo}: two versions are equal when their parsed
 * items are. (Maven's own {@code equals} compares canonical forms, which can agree where the order
 * does not: {@code -1} prints as {@code 1} but is less.) The order is Maven's, quirks included:
 * it is not transitive for some odd versions, {@code 1 < 1-sp < 1-0-alpha < 1}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MavenVersion implements Comparable<MavenVersion> {

    /** Known qualifiers in ascending order; the empty one is a release. */
    private static final List<String> QUALIFIERS =
            List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
    private static final int RELEASE = QUALIFIERS.indexOf("");

    private final String text;
    private final ListItem items;
    private final String canonical;
    private final String key;

    private MavenVersion(String text) {
        this.text = text;
        this.items = parseItems(text.toLowerCase(Locale.ROOT));
        this.canonical = items.toString();
        this.key = items.key();
    }

    /**
     * Parses a version; every text is a version.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static MavenVersion parse(String text) {
        return new MavenVersion(Objects.requireNonNull(text, "text"));
    }

    /** The version as written. */
    public String text() {
        return text;
    }

    /** The normalised form Maven prints, {@code 1-alpha-1} for {@code 1.0-alpha1}. */
    public String canonical() {
        return canonical;
    }

    @Override
    public int compareTo(MavenVersion other) {
        return items.compareTo(other.items);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MavenVersion v && key.equals(v.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    /** The version as written. */
    @Override
    public String toString() {
        return text;
    }

    // Follows ComparableVersion.parseVersion of Maven 3.8 step by step, so that the oracle test
    // against maven-artifact can stay an equality test.
    private static ListItem parseItems(String version) {
        ListItem root = new ListItem();
        ListItem list = root;
        List<ListItem> opened = new ArrayList<>();
        opened.add(root);
        boolean isDigit = false;
        int start = 0;
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (c == '.' || c == '-') {
                list.add(i == start ? new NumberItem(BigInteger.ZERO) : item(isDigit, version.substring(start, i)));
                start = i + 1;
                if (c == '-') {
                    list = openSublist(list, opened);
                }
            } else if (Character.isDigit(c)) {
                if (!isDigit && i > start) {
                    // a qualifier after other items gets its own sub-list: 1.0.0.x1 is 1-x-1 (MNG-7559)
                    if (!list.isEmpty()) {
                        list = openSublist(list, opened);
                    }
                    list.add(new StringItem(version.substring(start, i), true));
                    start = i;
                    list = openSublist(list, opened);
                }
                isDigit = true;
            } else {
                if (isDigit && i > start) {
                    list.add(item(true, version.substring(start, i)));
                    start = i;
                    list = openSublist(list, opened);
                }
                isDigit = false;
            }
        }
        if (version.length() > start) {
            if (!isDigit && !list.isEmpty()) {
                list = openSublist(list, opened);
            }
            list.add(item(isDigit, version.substring(start)));
        }
        // innermost first, so that a sub-list emptied by normalisation is itself dropped
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).normalize();
        }
        return root;
    }

    private static ListItem openSublist(ListItem parent, List<ListItem> opened) {
        ListItem child = new ListItem();
        parent.add(child);
        opened.add(child);
        return child;
    }

    private static Item item(boolean isDigit, String text) {
        return isDigit ? new NumberItem(new BigInteger(text)) : new StringItem(text, false);
    }

    /** One parsed item; {@code compareTo(null)} compares with a missing item (a padding). */
    private sealed interface Item permits NumberItem, StringItem, ListItem {
        int compareTo(Item other);

        boolean isNull();

        /** An unambiguous form of the parsed item, for equality. */
        String key();
    }

    private record NumberItem(BigInteger value) implements Item {
        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return value.signum() == 0 ? 0 : 1;
            }
            return other instanceof NumberItem n ? value.compareTo(n.value) : 1;
        }

        @Override
        public boolean isNull() {
            return value.signum() == 0;
        }

        @Override
        public String key() {
            return value.toString();
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    private record StringItem(String value) implements Item {
        StringItem(String value, boolean followedByDigit) {
            this(alias(value, followedByDigit));
        }

        private static String alias(String value, boolean followedByDigit) {
            if (followedByDigit && value.length() == 1) {
                switch (value.charAt(0)) {
                    case 'a' -> {
                        return "alpha";
                    }
                    case 'b' -> {
                        return "beta";
                    }
                    case 'm' -> {
                        return "milestone";
                    }
                    default -> {
                        // any other single letter is an unknown qualifier
                    }
                }
            }
            return switch (value) {
                case "ga", "final", "release" -> "";
                case "cr" -> "rc";
                default -> value;
            };
        }

        private int rank() {
            int i = QUALIFIERS.indexOf(value);
            return i < 0 ? QUALIFIERS.size() : i;
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return Integer.compare(rank(), RELEASE);
            }
            if (other instanceof StringItem s) {
                int byRank = Integer.compare(rank(), s.rank());
                // unknown qualifiers share a rank and compare as text, as Maven's "7-<qualifier>" keys do
                return byRank != 0 || rank() < QUALIFIERS.size() ? byRank : Integer.signum(value.compareTo(s.value));
            }
            return -1; // 1.any < 1.1 and 1.any < 1-1
        }

        @Override
        public boolean isNull() {
            return rank() == RELEASE;
        }

        @Override
        public String key() {
            return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }

        @Override
        public String toString() {
            return value;
        }
    }

    private static final class ListItem implements Item {
        private final List<Item> items = new ArrayList<>();

        void add(Item item) {
            items.add(item);
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        // drops trailing nulls, also those before a trailing sub-list: 1.0-1 is 1-1
        void normalize() {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item last = items.get(i);
                if (last.isNull()) {
                    items.remove(i);
                } else if (!(last instanceof ListItem)) {
                    break;
                }
            }
        }

        @Override
        public boolean isNull() {
            return items.isEmpty();
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                // padding: the first item that is not itself a padding decides (1 < 1-0.1)
                for (Item item : items) {
                    int result = item.compareTo(null);
                    if (result != 0) {
                        return result;
                    }
                }
                return 0;
            }
            if (other instanceof NumberItem) {
                return -1; // 1-1 < 1.0.x
            }
            if (other instanceof StringItem) {
                return 1; // 1-1 > 1-sp
            }
            Iterator<Item> left = items.iterator();
            Iterator<Item> right = ((ListItem) other).items.iterator();
            while (left.hasNext() || right.hasNext()) {
                Item l = left.hasNext() ? left.next() : null;
                Item r = right.hasNext() ? right.next() : null;
                int result = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        }

        @Override
        public String key() {
            StringBuilder out = new StringBuilder("[");
            for (Item item : items) {
                out.append(out.length() > 1 ? "," : "").append(item.key());
            }
            return out.append(']').toString();
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (Item item : items) {
                if (out.length() > 0) {
                    out.append(item instanceof ListItem ? '-' : '.');
                }
                out.append(item);
            }
            return out.toString();
        }
    }
}
