package org.debindex.core.fetch;

import java.util.Objects;
import java.util.Optional;
import org.debindex.core.MalformedInputException;

/**
 * The HTTP cache validators of a copy we hold: its entity tag and its last-modification date, as
 * the server sent them (RFC 9110 §8.8).
 *
 * <p>They are kept verbatim (an entity tag with its quotes and any {@code W/} prefix, the date as
 * the server wrote it) because a conditional request must echo them unchanged: {@code
 * If-None-Match} with the entity tag and {@code If-Modified-Since} with the date (RFC 9110
 * §13.1.2 and §13.1.3). For {@code file:} URIs they are made from the file's size and
 * modification time.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param etag         the {@code ETag} header value, if the server sent one
 * @param lastModified the {@code Last-Modified} header value, if the server sent one
 */
public record Validators(Optional<String> etag, Optional<String> lastModified) {

    private static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a value is empty or holds a control character (it could
     *                                  not be sent back in a header)
     */
    public Validators {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        if (etag.isPresent()) {   // not ifPresent(lambda): every query's start reads validators
            requireHeaderValue("etag", etag.get());
        }
        if (lastModified.isPresent()) {
            requireHeaderValue("lastModified", lastModified.get());
        }
    }

    /**
     * No validators: the server sent neither header.
     *
     * @return the empty instance
     */
    public static Validators none() {
        return NONE;
    }

    /**
     * Validators from header values, either of which may be absent.
     *
     * @param etag         the {@code ETag} value
     * @param lastModified the {@code Last-Modified} value
     * @return the validators
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Validators of(Optional<String> etag, Optional<String> lastModified) {
        return new Validators(etag, lastModified);
    }

    /** Whether neither validator is present, so a conditional request cannot be made. */
    public boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty();
    }

    /** Whether a header value may be kept as a validator (and so sent back later). */
    static boolean isUsable(String value) {
        // a loop, not a stream: this runs at every query's start, where a stream's first use costs ms
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private static void requireHeaderValue(String name, String value) {
        if (!isUsable(value)) {
            throw new IllegalArgumentException(name + " must be non-empty and free of control characters: "
                    + MalformedInputException.quote(value));
        }
    }
}
