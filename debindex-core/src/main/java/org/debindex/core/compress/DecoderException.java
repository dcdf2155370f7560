package org.debindex.core.compress;

import java.io.IOException;
import java.util.Objects;

/**
 * Raised inside this package's own decoders (LZ4, zstd) when they know exactly why the data
 * cannot be decoded; turned into a {@link DecompressionException} with the same reason and
 * message once the source name is known.
 */
final class DecoderException extends IOException {

    private static final long serialVersionUID = 1L;

    private final DecompressionException.Reason reason;

    /**
     * @param problem what is wrong, lower-case, naming the format, no final period
     */
    DecoderException(DecompressionException.Reason reason, String problem) {
        super(problem);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    DecompressionException.Reason reason() {
        return reason;
    }
}
