package org.debindex.core;

/**
 * The checked family of "the input is not what Debian's formats allow" errors.
 *
 * <p>Bad input is never a programming error: every reader in debindex reports it with one of
 * these, whose message follows the dpkg/grep-dctrl form {@code <source>:<line>: <what is wrong>}.
 * Plain {@link java.io.IOException}s (unreadable files, network failures) are not wrapped.
 *
 * <p>Instances are immutable.
 */
public abstract sealed class DebindexException extends Exception permits MalformedInputException, IndexFormatException,
        VerificationException {

    private static final long serialVersionUID = 1L;

    DebindexException(String message, Throwable cause) {
        super(message, cause);
    }
}
