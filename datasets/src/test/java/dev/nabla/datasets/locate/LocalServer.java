package dev.nabla.datasets.locate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP server on 127.0.0.1 that serves fixed bytes at chosen paths, can cut a response off
 * halfway, and answers 404 for anything else.
 */
final class LocalServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> cut = new ConcurrentHashMap<>();

    LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code body} at {@code path}. */
    String serve(String path, byte[] body) {
        files.put(path, body);
        return url(path);
    }

    /** Announces {@code body} at {@code path} but closes the connection after half of it. */
    String serveHalf(String path, byte[] body) {
        cut.put(path, body);
        return url(path);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = files.get(path);
        byte[] half = cut.get(path);
        if (body != null) {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } else if (half != null) {
            exchange.sendResponseHeaders(200, half.length);
            OutputStream out = exchange.getResponseBody();
            out.write(half, 0, half.length / 2);
            out.flush();
            // Closing the connection with bytes still owed: the client sees the stream end early.
            exchange.close();
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
