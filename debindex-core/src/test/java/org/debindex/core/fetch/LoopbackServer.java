package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on 127.0.0.1 with scripted answers, for the fetcher tests.
 *
 * <p>It is written on a plain {@link ServerSocket} rather than the JDK's HttpServer because the
 * tests need to misbehave on purpose: lie in Content-Length, cut the connection in the middle of a
 * body, stall, trickle. Each path answers with the replies given for it, in order, the last one
 * repeating; an unknown path is a 404. Every answer closes its connection. The server records the
 * requests it saw (with their headers), how far each body got, and how many requests were in its
 * hands at once.
 */
final class LoopbackServer implements AutoCloseable {

    /** The longest any test waits for the server; only keeps a broken test from hanging. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<SeenRequest> seen = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Served> served = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    private LoopbackServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** Starts a server on a free loopback port. */
    static LoopbackServer start() throws IOException {
        return new LoopbackServer();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** Answers {@code path} with these replies in turn, the last one for every later request. */
    LoopbackServer on(String path, Reply... sequence) {
        replies.put(path, new ConcurrentLinkedDeque<>(Arrays.asList(sequence)));
        return this;
    }

    /** The requests seen for a path, in arrival order. */
    List<SeenRequest> requests(String path) {
        return seen.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Every request seen, in arrival order. */
    List<SeenRequest> requests() {
        return List.copyOf(seen);
    }

    /** The most requests the server held at the same time. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    /** Waits for the server to finish answering a request for {@code path}, and says how that went. */
    Served awaitServed(String path) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Served> others = new ArrayList<>();
        try {
            while (true) {
                Served next = served.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    return fail("the server did not finish answering " + path + " within " + PATIENCE);
                }
                if (next.path().equals(path)) {
                    return next;
                }
                others.add(next);
            }
        } finally {
            served.addAll(others);
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                threads.execute(() -> handle(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            Optional<SeenRequest> request = readRequest(connection.getInputStream());
            if (request.isEmpty()) {
                return;
            }
            seen.add(request.get());
            String path = request.get().path();
            Deque<Reply> script = replies.get(path);
            Reply reply = script == null ? Reply.status(404)
                    : script.size() > 1 ? script.pollFirst() : script.peekFirst();
            hold(reply);
            answer(path, reply, connection.getOutputStream());
        } catch (IOException | InterruptedException e) {
            // the client went away before the request was complete, or the server is closing
        }
    }

    /** Counts the request as in the server's hands while it waits, then lets it go. */
    private void hold(Reply reply) throws InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            if (reply.holdUntilInFlight() > 0) {
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (maxInFlight.get() < reply.holdUntilInFlight() && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
            }
            if (!reply.delay().isZero()) {
                closed.await(reply.delay().toNanos(), TimeUnit.NANOSECONDS);
            }
        } finally {
            // before the answer is written: a client can only send its next request after that
            inFlight.decrementAndGet();
        }
    }

    private void answer(String path, Reply reply, OutputStream out) throws InterruptedException {
        long written = 0;
        long length = reply.bodyLength();
        try {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(reply.status()).append(" Scripted\r\n");
            reply.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (reply.declaredLength() >= 0) {
                head.append("Content-Length: ").append(reply.declaredLength()).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long stop = reply.cutAfter() >= 0 ? Math.min(length, reply.cutAfter()) : length;
            if (reply.stallAfter() >= 0) {
                stop = Math.min(stop, reply.stallAfter());
            }
            byte[] chunk = new byte[reply.chunk()];
            while (written < stop) {
                int n = (int) Math.min(chunk.length, stop - written);
                reply.fill(written, chunk, n);
                out.write(chunk, 0, n);
                written += n;
                if (!reply.trickle().isZero()) {
                    out.flush();
                    Thread.sleep(reply.trickle().toMillis());
                }
            }
            out.flush();
            if (reply.stallAfter() >= 0) {
                closed.await(PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
            }
            served.add(new Served(path, written, written == length, Optional.empty()));
        } catch (IOException e) {
            served.add(new Served(path, written, false, Optional.of(e.toString())));
        }
    }

    private static Optional<SeenRequest> readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            if (head.size() > 64 * 1024) {
                throw new IOException("request head too long");
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        return Optional.of(new SeenRequest(requestLine[0], requestLine[1], Map.copyOf(headers)));
    }

    /** A request as the server saw it; header names are lower-case. */
    record SeenRequest(String method, String path, Map<String, String> headers) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** How an answer went: how many body bytes were written, whether all, and what stopped it. */
    record Served(String path, long bodyBytesWritten, boolean complete, Optional<String> failure) {
    }

    /**
     * One scripted answer. The body is either given bytes or {@code generated} bytes of a
     * pattern ({@link #patternBytes}), so a large body costs no memory.
     */
    record Reply(int status, Map<String, String> headers, byte[] body, long generated, long declaredLength,
            long cutAfter, long stallAfter, Duration delay, Duration trickle, int chunk, int holdUntilInFlight) {

        /** An answer with this status, no body, and Content-Length 0. */
        static Reply status(int status) {
            return new Reply(status, Map.of(), new byte[0], -1, 0, -1, -1, Duration.ZERO, Duration.ZERO, 8192, 0);
        }

        /** A 200 answer with this body and its true Content-Length. */
        static Reply ok(byte[] body) {
            return status(200).body(body);
        }

        /** A redirect with this status to {@code location}. */
        static Reply redirect(int status, String location) {
            return status(status).header("Location", location);
        }

        Reply header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, Map.copyOf(more), body, generated, declaredLength, cutAfter, stallAfter, delay,
                    trickle, chunk, holdUntilInFlight);
        }

        /** This body, with its true Content-Length. */
        Reply body(byte[] bytes) {
            return new Reply(status, headers, bytes.clone(), -1, bytes.length, cutAfter, stallAfter, delay, trickle,
                    chunk, holdUntilInFlight);
        }

        /** A body of {@code length} pattern bytes, with its true Content-Length. */
        Reply generated(long length) {
            return new Reply(status, headers, new byte[0], length, length, cutAfter, stallAfter, delay, trickle, chunk,
                    holdUntilInFlight);
        }

        /** Sends {@code Content-Length: length} whatever the body is. */
        Reply declaring(long length) {
            return new Reply(status, headers, body, generated, length, cutAfter, stallAfter, delay, trickle, chunk,
                    holdUntilInFlight);
        }

        /** Sends no Content-Length: the body ends when the connection does. */
        Reply withoutLength() {
            return declaring(-1);
        }

        /** Closes the connection after {@code bytes} of the body. */
        Reply cutAfter(long bytes) {
            return new Reply(status, headers, body, generated, declaredLength, bytes, stallAfter, delay, trickle, chunk,
                    holdUntilInFlight);
        }

        /** Sends {@code bytes} of the body, then nothing until the server closes. */
        Reply stallAfter(long bytes) {
            return new Reply(status, headers, body, generated, declaredLength, cutAfter, bytes, delay, trickle, chunk,
                    holdUntilInFlight);
        }

        /** Waits this long before the status line. */
        Reply delayed(Duration wait) {
            return new Reply(status, headers, body, generated, declaredLength, cutAfter, stallAfter, wait, trickle,
                    chunk, holdUntilInFlight);
        }

        /** Sends the body {@code size} bytes at a time with a pause after each. */
        Reply trickling(int size, Duration pause) {
            return new Reply(status, headers, body, generated, declaredLength, cutAfter, stallAfter, delay, pause, size,
                    holdUntilInFlight);
        }

        /** Holds the request until the server has had {@code count} requests in hand at once. */
        Reply heldUntilInFlight(int count) {
            return new Reply(status, headers, body, generated, declaredLength, cutAfter, stallAfter, delay, trickle,
                    chunk, count);
        }

        long bodyLength() {
            return generated >= 0 ? generated : body.length;
        }

        void fill(long offset, byte[] into, int n) {
            if (generated >= 0) {
                for (int i = 0; i < n; i++) {
                    into[i] = patternByte(offset + i);
                }
            } else {
                System.arraycopy(body, (int) offset, into, 0, n);
            }
        }
    }

    /** Byte {@code i} of every generated body. */
    static byte patternByte(long i) {
        return (byte) (i * 31 + 7);
    }

    /** The first {@code n} bytes of every generated body. */
    static byte[] patternBytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = patternByte(i);
        }
        return bytes;
    }
}
