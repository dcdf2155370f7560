package org.debindex.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs {@link Main#run} with captured streams, as a shell would run {@code debindex}.
 *
 * @param status the exit status
 * @param out    everything written to stdout
 * @param err    everything written to stderr
 */
record Cli(int status, String out, String err) {

    /** Runs with empty standard input. */
    static Cli run(String... args) {
        return runWithInput("", args);
    }

    /** Runs with {@code stdin} (UTF-8) as standard input. */
    static Cli runWithInput(String stdin, String... args) {
        return runWithInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    /** Runs with {@code stdin} as standard input. */
    static Cli runWithInput(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream outStream = new PrintStream(out, false, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, false, StandardCharsets.UTF_8)) {
            status = Main.run(args, stdin, outStream, errStream);
        }
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
