package org.debindex.core.update;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a directory over HTTP on 127.0.0.1, as a mirror: ETag = the content's SHA-256 and 304
 * for a matching If-None-Match, 404 for what is not there, and scripted statuses for a path
 * before its real answer. Records every request path. The fetch tests' {@code LoopbackServer}
 * scripts each path's raw reply; these tests need a whole tree served as files, so this one is
 * built on the JDK's HttpServer.
 */
public final class RepositoryServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "repository-server");
        t.setDaemon(true);
        return t;
    });
    private final Path root;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Integer> cuts = new ConcurrentHashMap<>();

    public RepositoryServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URI of the served tree. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Answers the next requests for {@code path} with these statuses, then serves the file. */
    public void failFirst(String path, int... statuses) {
        Deque<Integer> q = new ArrayDeque<>();
        for (int s : statuses) {
            q.add(s);
        }
        scripted.put(path, q);
    }

    /**
     * Answers every request for {@code path} with its full Content-Length but only the first
     * {@code bytes} of the body, then drops the connection: a transfer cut mid-file.
     */
    public void cutAfter(String path, int bytes) {
        cuts.put(path, bytes);
    }

    /** How many requests for a path were seen. */
    public long count(String path) {
        return requests.stream().filter(path::equals).count();
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            Deque<Integer> q = scripted.get(path);
            Integer status = q == null ? null : q.poll();
            if (status != null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String etag = "\"" + Acquisition.sha256(body) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            Integer cut = cuts.get(path);
            if (cut != null) {
                OutputStream out = exchange.getResponseBody();
                out.write(body, 0, Math.min(cut, body.length));
                out.flush();
                // fewer bytes than announced: the server closes the connection
                return;
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
