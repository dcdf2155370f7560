package org.debindex.core.version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks the real {@code dpkg --compare-versions} about many pairs, fast enough for tens of
 * thousands of them.
 *
 * <p>dpkg costs one process per comparison (about 2 ms here), so each pair is asked once, with
 * the operator our order predicts ({@code lt}, {@code eq} or {@code gt}: a true answer confirms
 * the relation completely), and the pairs are fed from a file to one {@code sh} loop per core
 * instead of starting each dpkg from Java.
 *
 * @param executable the dpkg program
 */
record Dpkg(Path executable) {

    /** What dpkg said: the pairs it did not confirm, and anything it wrote on stderr. */
    record Answer(List<String> disagreements, List<String> warnings) {

        Answer {
            disagreements = List.copyOf(disagreements);
            warnings = List.copyOf(warnings);
        }
    }

    /** The operator that holds when {@code a.compareTo(b)} returns {@code sign}. */
    static String operatorFor(int sign) {
        return sign < 0 ? "lt" : sign == 0 ? "eq" : "gt";
    }

    /**
     * Checks every {@code "a op b"} line with dpkg, spread over {@code workers} shell loops.
     *
     * @param lines one pair a line, the versions free of blanks (valid versions are)
     * @param dir   a scratch directory
     */
    Answer check(List<String> lines, int workers, Path dir) throws IOException, InterruptedException {
        String loop = "while read -r a op b; do \"$0\" --compare-versions \"$a\" \"$op\" \"$b\" || echo \"$? $a $op $b\"; done";
        List<Process> processes = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        List<Path> errs = new ArrayList<>();
        int chunk = (lines.size() + workers - 1) / workers;
        for (int w = 0; w < workers && w * chunk < lines.size(); w++) {
            Path in = Files.write(dir.resolve("pairs-" + w), lines.subList(w * chunk, Math.min(lines.size(), (w + 1) * chunk)),
                    StandardCharsets.UTF_8);
            Path out = dir.resolve("disagreements-" + w);
            Path err = dir.resolve("stderr-" + w);
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", loop, executable.toString())
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("LC_ALL", "C");
            processes.add(builder.start());
            outs.add(out);
            errs.add(err);
        }
        for (Process process : processes) {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                processes.forEach(Process::destroyForcibly);
                throw new IOException("dpkg loop did not finish in 10 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IOException("dpkg loop failed with exit status " + process.exitValue());
            }
        }
        List<String> disagreements = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int w = 0; w < processes.size(); w++) {
            disagreements.addAll(Files.readAllLines(outs.get(w), StandardCharsets.UTF_8));
            warnings.addAll(Files.readAllLines(errs.get(w), StandardCharsets.UTF_8));
        }
        return new Answer(disagreements, warnings);
    }
}
