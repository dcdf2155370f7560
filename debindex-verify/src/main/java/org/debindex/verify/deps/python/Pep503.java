package org.debindex.verify.deps.python;

import java.util.Objects;

/**
 * PEP 503 name normalisation, the key under which PyPI names and Debian metadata directories
 * ({@code PyYAML-6.0.2.dist-info}) are compared: runs of {@code -}, {@code _} and {@code .}
 * become one {@code -}, ASCII letters become lower case.
 *
 * <p>Stateless and thread-safe.
 */
public final class Pep503 {

    private Pep503() {
    }

    /**
     * The normalised form of a distribution name, {@code re.sub(r"[-_.]+", "-", name).lower()}.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public static String normalize(String name) {
        Objects.requireNonNull(name, "name");
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (!isSeparator(name, i - 1)) {
                    b.append('-');
                }
            } else {
                // ASCII only: Python's str.lower() on a valid (ASCII) distribution name
                b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
        }
        return b.toString();
    }

    private static boolean isSeparator(String name, int i) {
        if (i < 0) {
            return false;
        }
        char c = name.charAt(i);
        return c == '-' || c == '_' || c == '.';
    }
}
