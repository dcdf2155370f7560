package org.debindex.cli;

import java.io.PrintWriter;
import java.util.List;
import org.debindex.cli.output.QueryOutput;

/**
 * What a query command found, and one message per argument it found nothing for; computed
 * inside {@link IndexSession#query} and printed after.
 *
 * <p>Instances are immutable and thread-safe when {@code T} is.
 *
 * @param found    the answers, in argument order
 * @param problems messages without the {@code debindex: } prefix, in argument order
 */
record Answer<T>(List<T> found, List<String> problems) {

    /** @throws NullPointerException if a component or element is null */
    Answer {
        found = List.copyOf(found);
        problems = List.copyOf(problems);
    }

    /**
     * Prints the problems on {@code err}, one line each, and returns the exit status: 1 when
     * there is one or nothing was found.
     */
    int finish(PrintWriter err) {
        for (String problem : problems) {
            // names come from the index and the command line: a line must stay one line
            err.println("debindex: " + QueryOutput.safe(problem));
        }
        err.flush();
        return problems.isEmpty() && !found.isEmpty() ? ExitStatus.OK : ExitStatus.NO;
    }
}
