package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.debindex.core.FindingCode;
import org.debindex.core.MalformedInputException;
import org.debindex.core.VerificationException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExitStatusTest {

    /** A command that is not debindex's, so that {@code --debug} is off. */
    @Command(name = "test")
    static final class Plain {
    }

    private final StringWriter err = new StringWriter();

    private int handle(Exception e) {
        return new ExitStatus(new PrintWriter(err, true)).handleExecutionException(e, new CommandLine(new Plain()), null);
    }

    @Test
    void aRefusalIsANegativeAnswer() {
        assertEquals(ExitStatus.NO, handle(new VerificationException(FindingCode.SIG_BAD,
                "dists/trixie/Release.gpg: bad signature from 0123456789ABCDEF0123456789ABCDEF01234567")));
        assertEquals("debindex: dists/trixie/Release.gpg: bad signature from 0123456789ABCDEF0123456789ABCDEF01234567\n",
                err.toString());
    }

    @Test
    void badDataIsStatus3() {
        assertEquals(ExitStatus.DATA, handle(new MalformedInputException("Packages", 1042, 0,
                "field name \"Version \" must not end with a space")));
        assertEquals("debindex: Packages:1042: field name \"Version \" must not end with a space\n", err.toString());
    }

    @Test
    void aFileThatCannotBeOpenedIsCannotReadFileWithTheReason() {
        assertEquals(ExitStatus.DATA, handle(new NoSuchFileException("dists/trixie/InRelease")));
        assertEquals(ExitStatus.DATA, handle(new AccessDeniedException("keyrings/archive.gpg")));
        assertEquals(ExitStatus.DATA, handle(new UncheckedIOException(new NoSuchFileException("pool"))));
        assertEquals(ExitStatus.DATA, handle(new IOException("Input/output error")));
        assertEquals("debindex: cannot read dists/trixie/InRelease: no such file or directory\n"
                + "debindex: cannot read keyrings/archive.gpg: permission denied\n"
                + "debindex: cannot read pool: no such file or directory\n"
                + "debindex: input/output error\n", err.toString());
    }

    @Test
    void anythingElseIsABug() {
        assertEquals(ExitStatus.INTERNAL, handle(new UnsupportedOperationException("not yet")));
        assertEquals("debindex: internal error: java.lang.UnsupportedOperationException: not yet"
                + " (run with --debug for the stack trace)\n", err.toString());
    }
}
