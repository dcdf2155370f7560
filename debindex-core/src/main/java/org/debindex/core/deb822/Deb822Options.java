package org.debindex.core.deb822;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How strictly a {@link Deb822Reader} reads, and its limits.
 *
 * <p>The defaults suit archive index files ({@code Packages}, {@code Sources}, {@code
 * Translation}): comment lines are errors (Policy allows them only in {@code debian/control} and
 * apt's {@code .sources}), a duplicate field is reported as a warning and the last one wins (as in
 * apt), and the first malformed line stops the reading. {@link #release()} rejects duplicates;
 * {@link #controlFile()} allows comments.
 *
 * <p>Instances are immutable and thread-safe if the warning consumer is.
 *
 * @param allowComments         whether lines starting with {@code #} are comments (else errors)
 * @param rejectDuplicateFields whether a repeated field is an error (else a warning; the last wins)
 * @param lenient               whether a malformed paragraph is skipped (reported as a warning)
 *                              instead of stopping the reading
 * @param maxErrors             in lenient mode, how many skipped paragraphs are tolerated before
 *                              the reading stops with the next error
 * @param maxParagraphBytes     the largest paragraph accepted, in bytes (bounds memory)
 * @param maxFields             the most fields accepted in one paragraph
 * @param warnings              receives every warning, in order
 */
public record Deb822Options(
        boolean allowComments,
        boolean rejectDuplicateFields,
        boolean lenient,
        int maxErrors,
        int maxParagraphBytes,
        int maxFields,
        Consumer<Deb822Warning> warnings) {

    /** Default largest paragraph: far above any real one (Debian's biggest are ~1 MiB). */
    public static final int DEFAULT_MAX_PARAGRAPH_BYTES = 64 << 20;
    /** Default most fields per paragraph. */
    public static final int DEFAULT_MAX_FIELDS = 10_000;
    /** Default number of paragraphs lenient mode may skip. */
    public static final int DEFAULT_MAX_ERRORS = 100;

    // a class, not a lambda: a lambda's first use costs a fresh JVM about a millisecond, at every query
    private static final Consumer<Deb822Warning> IGNORE = new Consumer<>() {
        @Override
        public void accept(Deb822Warning warning) {
        }
    };

    /**
     * @throws IllegalArgumentException if a limit is not positive or {@code maxErrors} is negative
     * @throws NullPointerException if {@code warnings} is null
     */
    public Deb822Options {
        Objects.requireNonNull(warnings, "warnings");
        if (maxErrors < 0) {
            throw new IllegalArgumentException("maxErrors must not be negative: " + maxErrors);
        }
        if (maxParagraphBytes <= 0) {
            throw new IllegalArgumentException("maxParagraphBytes must be positive: " + maxParagraphBytes);
        }
        if (maxFields <= 0) {
            throw new IllegalArgumentException("maxFields must be positive: " + maxFields);
        }
    }

    /** For archive index files: see the class comment. */
    public static Deb822Options defaults() {
        return new Deb822Options(false, false, false, DEFAULT_MAX_ERRORS,
                DEFAULT_MAX_PARAGRAPH_BYTES, DEFAULT_MAX_FIELDS, IGNORE);
    }

    /** For {@code Release}/{@code InRelease}: duplicates are errors. */
    public static Deb822Options release() {
        return defaults().withRejectDuplicateFields(true);
    }

    /** For {@code debian/control} and apt {@code .sources}: comment lines allowed. */
    public static Deb822Options controlFile() {
        return defaults().withAllowComments(true);
    }

    /** A copy with {@code allowComments} changed. */
    public Deb822Options withAllowComments(boolean value) {
        return new Deb822Options(value, rejectDuplicateFields, lenient, maxErrors, maxParagraphBytes, maxFields, warnings);
    }

    /** A copy with {@code rejectDuplicateFields} changed. */
    public Deb822Options withRejectDuplicateFields(boolean value) {
        return new Deb822Options(allowComments, value, lenient, maxErrors, maxParagraphBytes, maxFields, warnings);
    }

    /**
     * A copy in lenient mode, skipping up to {@code maxErrors} malformed paragraphs.
     *
     * @throws IllegalArgumentException if {@code maxErrors} is negative
     */
    public Deb822Options withLenient(int maxErrors) {
        return new Deb822Options(allowComments, rejectDuplicateFields, true, maxErrors, maxParagraphBytes, maxFields, warnings);
    }

    /**
     * A copy with other limits.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public Deb822Options withLimits(int maxParagraphBytes, int maxFields) {
        return new Deb822Options(allowComments, rejectDuplicateFields, lenient, maxErrors, maxParagraphBytes, maxFields, warnings);
    }

    /**
     * A copy that sends warnings to {@code consumer}.
     *
     * @throws NullPointerException if {@code consumer} is null
     */
    public Deb822Options withWarnings(Consumer<Deb822Warning> consumer) {
        return new Deb822Options(allowComments, rejectDuplicateFields, lenient, maxErrors, maxParagraphBytes, maxFields, consumer);
    }
}
