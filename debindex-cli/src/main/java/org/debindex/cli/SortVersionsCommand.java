package org.debindex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.debindex.core.MalformedInputException;
import org.debindex.core.version.DebianVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex sort-versions [-r] [FILE...]}: prints versions, one a line, in Debian order.
 *
 * <p>The sort is stable: versions that are equal but written differently ({@code 1.0},
 * {@code 0:1.0}, {@code 1.0-0}) keep their input order, also with {@code --reverse}. Blank lines
 * are skipped and surrounding whitespace, including the CR of CRLF line ends, is removed; an
 * invalid line stops the command with its file and line (exit status 3: bad data).
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "sort-versions",
        sortOptions = false,
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "Print Debian versions, one a line, sorted in Debian order as dpkg compares them.",
            "Reads standard input when no FILE is given, and for '-'. Blank lines",
            "are skipped and surrounding whitespace is removed. Versions that are equal but",
            "written differently (1.0, 0:1.0, 1.0-0) keep their input order.",
            "",
            "An invalid version stops the command with its file and line (exit status 3).",
        })
final class SortVersionsCommand implements Callable<Integer> {

    /** The name of standard input in messages, as grep and dpkg name it. */
    static final String STDIN = "<stdin>";

    @Option(names = {"-r", "--reverse"}, description = "Sort from the latest version to the earliest.")
    private boolean reverse;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to read; '-' is standard input.")
    private List<String> files = new ArrayList<>();

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, MalformedInputException {
        List<DebianVersion> versions = new ArrayList<>();
        for (String file : files.isEmpty() ? List.of("-") : files) {
            if (file.equals("-")) {
                read(main.in(), STDIN, versions);
            } else {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    read(in, file, versions);
                }
            }
        }
        Comparator<DebianVersion> order = reverse ? DebianVersion.ORDER.reversed() : DebianVersion.ORDER;
        versions.sort(order);
        PrintWriter out = spec.commandLine().getOut();
        for (DebianVersion version : versions) {
            out.write(version.toString());
            out.write('\n');
        }
        return ExitStatus.OK;
    }

    /** Adds the version on each non-blank line, naming {@code source} in any error. */
    private static void read(InputStream in, String source, List<DebianVersion> versions)
            throws IOException, MalformedInputException {
        try {
            readLines(in, source, versions);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // a read error (EISDIR, EIO) says only what went wrong, not where
            throw new FileSystemException(source, null, e.getMessage());
        }
    }

    /**
     * Lines are split on LF only, as bytes: a CR left inside a line is an invalid character, not
     * a hidden line break.
     */
    private static void readLines(InputStream in, String source, List<DebianVersion> versions)
            throws IOException, MalformedInputException {
        byte[] buffer = new byte[1 << 16];
        int filled = 0;
        long line = 0;
        long bufferOffset = 0;
        while (true) {
            int n = in.read(buffer, filled, buffer.length - filled);
            int lineStart = 0;
            int scanned = filled;
            filled += Math.max(n, 0);
            for (int i = scanned; i < filled; i++) {
                if (buffer[i] == '\n') {
                    add(buffer, lineStart, i, source, ++line, bufferOffset + lineStart, versions);
                    lineStart = i + 1;
                }
            }
            if (n < 0) {
                if (lineStart < filled) {
                    add(buffer, lineStart, filled, source, ++line, bufferOffset + lineStart, versions);
                }
                return;
            }
            // keep the unfinished line at the start of the buffer; grow it for a very long line
            System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
            filled -= lineStart;
            bufferOffset += lineStart;
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
    }

    private static void add(byte[] bytes, int start, int end, String source, long line, long offset,
            List<DebianVersion> versions) throws MalformedInputException {
        while (start < end && isSpace(bytes[start])) {
            start++;
        }
        while (end > start && isSpace(bytes[end - 1])) {
            end--;
        }
        if (start == end) {
            return;
        }
        try {
            versions.add(DebianVersion.parse(new String(bytes, start, end - start, StandardCharsets.UTF_8)));
        } catch (MalformedInputException e) {
            throw e.at(source, line, offset);
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0b;
    }
}
