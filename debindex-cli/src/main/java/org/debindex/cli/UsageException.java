package org.debindex.cli;

/**
 * A usage error that a query command finds in its own arguments (an invalid regular expression,
 * a malformed {@code NAME=VERSION}), before it reads or prints anything; picocli's path turns it
 * into a {@code ParameterException}, so that the message and status are picocli's.
 *
 * <p>Immutable.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, lower-case, without the {@code debindex: } prefix */
    UsageException(String message) {
        super(message);
    }

    /** As the one-argument form, keeping the cause for {@code --debug}. */
    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
