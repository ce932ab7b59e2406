package app.go.local.dynamodb.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The DynamoDB (and DynamoDB Streams) JSON 1.0 protocol on 127.0.0.1: POST with
 * {@code X-Amz-Target: DynamoDB_20120810.<Op>} or {@code DynamoDBStreams_20120810.<Op>}. Signatures
 * are not checked. Paths under {@code /local/} are the engine's control endpoints (see {@link Control}).
 */
public final class DynamoHttpEndpoint implements AutoCloseable {
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    static {
        // the JDK's HTTP server leaves Nagle on, which adds ~40 ms delayed-ACK stalls to small responses;
        // read once per JVM, so it must be set before the first HttpServer is created
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** What the endpoint serves: a call by operation name, and the control paths. */
    public interface Service {
        /** The response body, or a {@code DynamoException}. */
        ObjectNode call(String operation, JsonNode request);

        /** Status and body of a control request. */
        Control.Reply control(String method, String path, JsonNode body);
    }

    /** Answers of the control paths. */
    public static final class Control {
        private Control() {}

        public record Reply(int status, JsonNode body) {}
    }

    /** Maps a failure to the wire error: type, message, status, extra members. */
    public interface ErrorMapper {
        Error map(RuntimeException failure);

        record Error(int status, ObjectNode body) {}
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Service service;
    private final ErrorMapper errors;
    private final ObjectMapper mapper;

    private DynamoHttpEndpoint(HttpServer server, ExecutorService threads, Service service, ErrorMapper errors, ObjectMapper mapper) {
        this.server = server;
        this.threads = threads;
        this.service = service;
        this.errors = errors;
        this.mapper = mapper;
    }

    public static DynamoHttpEndpoint start(int port, Service service, ErrorMapper errors, ObjectMapper mapper) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        DynamoHttpEndpoint endpoint = new DynamoHttpEndpoint(server, threads, service, errors, mapper);
        server.createContext("/", endpoint::handle);
        server.setExecutor(threads);
        server.start();
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            JsonNode body;
            try {
                JsonNode request = read(exchange.getRequestBody());
                String path = exchange.getRequestURI().getPath();
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                if (target == null && path.startsWith("/local/")) {
                    Control.Reply reply = service.control(exchange.getRequestMethod(), path, request);
                    status = reply.status();
                    body = reply.body();
                } else {
                    int dot = target == null ? -1 : target.indexOf('.');
                    String operation = dot < 0 ? String.valueOf(target) : target.substring(dot + 1);
                    body = service.call(operation, request);
                }
            } catch (RuntimeException e) {
                ErrorMapper.Error error = errors.map(e);
                status = error.status();
                body = error.body();
            }
            byte[] bytes = mapper.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private JsonNode read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            throw new MalformedRequest("Start of structure or map found where not expected.");
        }
    }

    /** A body that is not JSON. */
    public static final class MalformedRequest extends RuntimeException {
        MalformedRequest(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
