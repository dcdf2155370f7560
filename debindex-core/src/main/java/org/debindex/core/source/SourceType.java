package org.debindex.core.source;

import java.util.Objects;
import java.util.Optional;

/**
 * The type of an apt source: binary packages ({@code deb}) or source packages ({@code deb-src}),
 * as sources.list(5) names them. apt knows no other type for Debian archives; the keywords are
 * case-sensitive.
 *
 * <p>Immutable and thread-safe.
 */
public enum SourceType {
    /** {@code deb}: binary package indexes ({@code Packages}). */
    DEB("deb"),
    /** {@code deb-src}: source package indexes ({@code Sources}). */
    DEB_SRC("deb-src");

    private final String keyword;

    SourceType(String keyword) {
        this.keyword = keyword;
    }

    /** The keyword as written in sources files: {@code deb} or {@code deb-src}. */
    public String keyword() {
        return keyword;
    }

    /**
     * The type a keyword names, exactly as written (apt compares case-sensitively).
     *
     * @return the type, or empty for any other text
     * @throws NullPointerException if {@code keyword} is null
     */
    public static Optional<SourceType> forKeyword(String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        for (SourceType type : values()) {
            if (type.keyword.equals(keyword)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return keyword;
    }
}
