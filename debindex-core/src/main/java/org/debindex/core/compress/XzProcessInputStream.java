package org.debindex.core.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Decodes an xz file with the system's {@code xz -dc} (liblzma, about three times faster than
 * xz-java, and on another core than the reader) and hands its standard output to one reader.
 *
 * <p>The file is the program's standard input (no shell, no file name on its command line); the
 * program runs single-threaded with xz-java's memory limit and checks every block's integrity
 * check itself. The end of the data is only reported once the program has exited with status 0;
 * any other status is a {@link DecompressionException} whose reason is read from its message
 * (run in the C locale). The output bound is the caller's ({@link DecompressedInputStream}).
 * Closing the stream, or reading it after the thread was interrupted, kills the program.
 *
 * <p>Not thread-safe, like any stream.
 */
final class XzProcessInputStream extends InputStream {

    /** How much of the program's standard error is kept for the message. */
    private static final int STDERR_LIMIT = 1024;

    /** How long the end of the data waits for the program to exit after it closed its output. */
    private static final long EXIT_WAIT_SECONDS = 30;

    private final Process process;
    private final InputStream out;
    private final String source;
    private final long memoryLimitKiB;
    private final byte[] single = new byte[1];
    private boolean ended;
    private boolean closed;

    private XzProcessInputStream(Process process, String source, long memoryLimitKiB) {
        this.process = process;
        this.out = process.getInputStream();
        this.source = source;
        this.memoryLimitKiB = memoryLimitKiB;
    }

    /**
     * Starts {@code command} on {@code file}.
     *
     * @throws IOException if the program cannot be started (the caller falls back to xz-java)
     */
    static XzProcessInputStream start(Path command, Path file, String source, long memoryLimitKiB)
            throws IOException {
        Objects.requireNonNull(file, "file");
        ProcessBuilder builder = new ProcessBuilder(List.of(command.toString(), "--decompress", "--stdout",
                "--threads=1", "--memlimit-decompress=" + memoryLimitKiB + "KiB"));
        builder.redirectInput(file.toFile());
        builder.redirectError(ProcessBuilder.Redirect.PIPE);
        // messages in English, whatever the user's locale: they are classified below
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        process.getOutputStream().close();
        return new XzProcessInputStream(process, Objects.requireNonNull(source, "source"), memoryLimitKiB);
    }

    @Override
    public int read() throws IOException {
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        // a blocked pipe read does not notice interrupts; at least stop between reads
        if (Thread.currentThread().isInterrupted()) {
            process.destroyForcibly();
            throw new InterruptedIOException("interrupted while decoding xz data");
        }
        int n = out.read(b, off, len);
        if (n < 0) {
            awaitSuccess();
            ended = true;
        }
        return n;
    }

    /** Waits for the program to exit after its output ended; anything but status 0 is a failure. */
    private void awaitSuccess() throws IOException {
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("xz did not exit after its output ended");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for xz");
        }
        int status = process.exitValue();
        if (status != 0) {
            throw failure(status, stderr());
        }
    }

    private String stderr() {
        try (InputStream err = process.getErrorStream()) {
            return new String(err.readNBytes(STDERR_LIMIT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The program's complaint as the xz-java path would report the same problem. */
    DecompressionException failure(int status, String stderr) {
        String detail = detail(stderr);
        String lower = detail.toLowerCase(Locale.ROOT);
        DecompressionException.Reason reason;
        String problem;
        if (lower.contains("unexpected end of input")) {
            reason = DecompressionException.Reason.TRUNCATED;
            problem = "xz data is truncated; expected more compressed data";
        } else if (lower.contains("memory usage limit") || lower.contains("of memory is required")) {
            reason = DecompressionException.Reason.LIMIT_EXCEEDED;
            problem = "xz data needs more decoder memory than the limit of " + memoryLimitKiB + " KiB";
        } else if (lower.contains("unsupported")) {
            reason = DecompressionException.Reason.UNSUPPORTED;
            problem = "xz data uses a feature this decoder does not support: " + detail;
        } else if (detail.isEmpty()) {
            reason = DecompressionException.Reason.CORRUPT;
            problem = "xz exited with status " + status;
        } else if (lower.equals("compressed data is corrupt")) {
            reason = DecompressionException.Reason.CORRUPT;
            problem = "xz data is corrupt";
        } else {
            reason = DecompressionException.Reason.CORRUPT;
            problem = "xz data is corrupt: " + detail;
        }
        return new DecompressionException(source, reason, problem, null);
    }

    /** The first line of xz's message without its "xz: (stdin): " prefix, in this project's style. */
    private static String detail(String stderr) {
        String line = stderr.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline).strip();
        }
        for (String prefix : List.of("xz: ", "(stdin): ")) {
            if (line.startsWith(prefix)) {
                line = line.substring(prefix.length());
            }
        }
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.length() > 1 && Character.isUpperCase(line.charAt(0)) && !Character.isUpperCase(line.charAt(1))) {
            line = Character.toLowerCase(line.charAt(0)) + line.substring(1);
        }
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    @Override
    public int available() throws IOException {
        return closed || ended ? 0 : out.available();
    }

    /** Whether the program still runs, allowing a killed one a few seconds to die (for tests). */
    boolean isRunning() {
        try {
            return !process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return process.isAlive();
        }
    }

    /** Kills the program if it still runs, and closes its pipes; idempotent. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            process.destroyForcibly();
            try {
                out.close();
            } finally {
                process.getErrorStream().close();
            }
        }
    }
}
