package org.debindex.verify.deps;

import java.util.List;

/**
 * The pre-release order of Semantic Versioning 2.0.0 (section 11), which npm and Cargo both use:
 * one place for it.
 *
 * <p>Thread-safe: a static holder.
 */
public final class Semver {

    private Semver() {
    }

    /**
     * Compares two pre-release identifier lists: none is the highest; otherwise identifier by
     * identifier, then the longer list is the higher.
     *
     * @throws NullPointerException if an argument or an element is null
     */
    public static int comparePrerelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifiers(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * Numeric identifiers compare as numbers (no leading zeros, so by length first) and sort
     * before alphanumeric ones, which compare in ASCII order.
     *
     * @throws NullPointerException if an argument is null
     */
    public static int compareIdentifiers(String a, String b) {
        boolean an = isNumeric(a);
        boolean bn = isNumeric(b);
        if (an && bn) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        return an ? -1 : bn ? 1 : a.compareTo(b);
    }

    /** Whether an identifier is all ASCII digits (and not empty). */
    public static boolean isNumeric(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
