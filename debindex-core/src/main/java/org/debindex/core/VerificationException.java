package org.debindex.core;

import java.util.Objects;

/**
 * A trust-chain check that refused its input: the keyring is unusable, a signature file is
 * malformed, a signature is bad. The {@link #code()} says which check, the message says why in one
 * line naming the file, like {@code keyrings/x.asc: no usable OpenPGP key found}.
 *
 * <p>Instances are immutable.
 */
public final class VerificationException extends DebindexException {

    private static final long serialVersionUID = 1L;

    private final FindingCode code;

    /**
     * Creates a refusal.
     *
     * @param code    which check refused
     * @param message one line, lower-case, naming the file, no final period
     * @throws NullPointerException if an argument is null
     */
    public VerificationException(FindingCode code, String message) {
        this(code, message, null);
    }

    /**
     * As {@link #VerificationException(FindingCode, String)}, keeping the cause.
     *
     * @throws NullPointerException if {@code code} or {@code message} is null
     */
    public VerificationException(FindingCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Which check refused the input. */
    public FindingCode code() {
        return code;
    }
}
