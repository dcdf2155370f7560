package org.debindex.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.debindex.core.MalformedInputException;
import org.debindex.core.relation.RelationField;
import org.debindex.core.relation.RelationList;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.tukaani.xz.XZInputStream;

/**
 * Parsing real relation fields: an evenly spaced sample of the {@code Depends} values of trixie's
 * amd64 Packages and of the {@code Build-Depends} values of its Sources, reported per value.
 *
 * <p>Reads the shared test data ({@code DEBINDEX_TESTDATA}, the {@code debindex.testdata}
 * property, else {@code ../shared/testdata} from the working directory). Run from the checkout:
 * {@code java -jar benchmarks/target/benchmarks.jar RelationParse -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class RelationParseBenchmark {

    /** Values per invocation; a constant because {@link OperationsPerInvocation} needs one. */
    private static final int SAMPLE = 20_000;

    private String[] depends;
    private String[] buildDepends;
    private RelationList[] parsedDepends;

    @Setup
    public void load() throws IOException, MalformedInputException {
        Path dists = BenchData.trixie("main/binary-amd64/Packages.xz").getParent().getParent();
        depends = sample(fieldValues(dists.resolve("binary-amd64/Packages.xz"), "Depends"));
        buildDepends = sample(fieldValues(dists.resolve("source/Sources.xz"), "Build-Depends"));
        parsedDepends = new RelationList[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            parsedDepends[i] = RelationList.parse(depends[i], RelationField.DEPENDS);
        }
    }

    /** Parses one Depends value (average over the sample). */
    @Benchmark
    @OperationsPerInvocation(SAMPLE)
    public void parseDepends(Blackhole bh) throws MalformedInputException {
        for (String value : depends) {
            bh.consume(RelationList.parse(value, RelationField.DEPENDS));
        }
    }

    /** Parses one Build-Depends value, with architecture and profile restrictions. */
    @Benchmark
    @OperationsPerInvocation(SAMPLE)
    public void parseBuildDepends(Blackhole bh) throws MalformedInputException {
        for (String value : buildDepends) {
            bh.consume(RelationList.parse(value, RelationField.BUILD_DEPENDS));
        }
    }

    /** Prints one parsed Depends value in normalised form. */
    @Benchmark
    @OperationsPerInvocation(SAMPLE)
    public void printDepends(Blackhole bh) {
        for (RelationList list : parsedDepends) {
            bh.consume(list.toString());
        }
    }

    private static String[] sample(List<String> all) throws IOException {
        if (all.size() < SAMPLE) {
            throw new IOException("only " + all.size() + " values, need " + SAMPLE);
        }
        String[] out = new String[SAMPLE];
        long chars = 0;
        for (int i = 0; i < SAMPLE; i++) {
            out[i] = all.get((int) ((long) i * all.size() / SAMPLE));
            chars += out[i].length();
        }
        System.out.printf("sample: %,d of %,d values, %,d characters%n", SAMPLE, all.size(), chars);
        return out;
    }

    /** The values of one field in an xz-compressed index, continuation lines joined as in the file. */
    private static List<String> fieldValues(Path file, String field) throws IOException {
        List<String> values = new ArrayList<>();
        String prefix = field + ":";
        try (InputStream in = new XZInputStream(Files.newInputStream(file), -1);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder value = null;
            String line;
            while ((line = lines.readLine()) != null) {
                boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
                if (continuation && value != null) {
                    value.append('\n').append(line);
                    continue;
                }
                if (value != null) {
                    values.add(value.toString());
                    value = null;
                }
                if (line.startsWith(prefix)) {
                    value = new StringBuilder(line.substring(prefix.length()).strip());
                }
            }
            if (value != null) {
                values.add(value.toString());
            }
        }
        return values;
    }
}
