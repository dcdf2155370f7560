package org.debindex.bench;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.ReverseDependency;
import org.debindex.core.index.SearchHit;
import org.debindex.core.index.SearchQuery;

/**
 * A stand-in for the coming CLI, so that whole processes (JVM start included) can be timed
 * against apt-cache and the build's time and memory measured with {@code /usr/bin/time -v}:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.debindex.bench.IndexTool build SNAPSHOT
 * java -cp ... org.debindex.bench.IndexTool show SNAPSHOT NAME       (apt-cache show)
 * java -cp ... org.debindex.bench.IndexTool search SNAPSHOT TERM...  (apt-cache search)
 * java -cp ... org.debindex.bench.IndexTool rdepends SNAPSHOT NAME   (apt-cache rdepends)
 * java -cp ... org.debindex.bench.IndexTool all SNAPSHOT             (the three, output discarded:
 *                                                                     for -XX:ArchiveClassesAtExit)
 * java -cp ... org.debindex.bench.IndexTool start SNAPSHOT           (nothing: the JVM's start alone)
 * </pre>
 *
 * It prints what apt-cache prints for these, near enough to compare the work done.
 */
public final class IndexTool {

    private IndexTool() {
    }

    /**
     * Runs one command.
     *
     * @param args the command, the snapshot file, then its arguments
     * @throws Exception on any failure (this is a measuring tool)
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IndexTool build|show|search|rdepends SNAPSHOT [ARGS...]");
            System.exit(2);
        }
        Path snapshot = Path.of(args[1]);
        if (args[0].equals("start")) {
            return;   // the JVM's own start and exit, as the floor under the other commands
        }
        if (args[0].equals("build")) {
            PackageIndex.build(IndexInputs.trixieAndBookworm()).write(snapshot);
            return;
        }
        PackageIndex index = PackageIndex.open(snapshot);
        if (args[0].equals("all")) {
            PrintStream sink = new PrintStream(java.io.OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            run(index, sink, new String[] {"show", args[1], "bash"});
            run(index, sink, new String[] {"search", args[1], "nginx"});
            run(index, sink, new String[] {"rdepends", args[1], "libc6"});
            return;
        }
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
        run(index, out, args);
        out.flush();
    }

    private static void run(PackageIndex index, PrintStream out, String[] args) throws Exception {
        switch (args[0]) {
            case "show":
                for (PackageEntry e : index.packages(args[2])) {
                    out.print(index.stanza(e));
                    out.print("\n\n");
                }
                break;
            case "search": {
                Set<String> seen = new HashSet<>();
                for (SearchHit h : index.search(SearchQuery.of(Arrays.copyOfRange(args, 2, args.length)))) {
                    if (seen.add(h.entry().name())) {
                        out.print(h.entry().name());
                        out.print(" - ");
                        out.print(h.entry().summary());
                        out.print('\n');
                    }
                }
                break;
            }
            case "rdepends":
                out.print(args[2]);
                out.print("\nReverse Depends:\n");
                for (ReverseDependency d : index.reverseDependencies(args[2])) {
                    out.print(d.followedByAlternative() ? " |" : "  ");
                    out.print(d.dependent().name());
                    out.print('\n');
                }
                break;
            default:
                System.err.println("unknown command: " + args[0]);
                System.exit(2);
        }
    }
}
