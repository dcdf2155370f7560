package org.debindex.core.trust;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a path read from repository data may be joined to a local directory: paths in
 * a Release, a Packages {@code Filename}, a Sources {@code Directory} and file names must stay
 * inside the repository (trust-chain.md §3, catalogue #54).
 *
 * <p>Stateless and thread-safe.
 */
public final class RelativePaths {

    private RelativePaths() {
    }

    /**
     * What makes a path unsafe, if anything: empty, absolute, a {@code ..} segment, a backslash, a
     * NUL or other control character. {@code .} segments and doubled slashes are harmless and
     * allowed, as apt allows them.
     *
     * @return a lower-case phrase such as {@code "is absolute"}; empty when the path is safe
     * @throws NullPointerException if {@code path} is null
     */
    public static Optional<String> problem(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            return Optional.of("is empty");
        }
        if (path.startsWith("/")) {
            return Optional.of("is absolute");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                return Optional.of("contains a backslash");
            }
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("contains control character U+" + String.format("%04X", (int) c));
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("leaves its directory (\"..\")");
            }
        }
        return Optional.empty();
    }

    /** Whether {@link #problem} finds nothing. @throws NullPointerException if {@code path} is null */
    public static boolean isSafe(String path) {
        return problem(path).isEmpty();
    }
}
