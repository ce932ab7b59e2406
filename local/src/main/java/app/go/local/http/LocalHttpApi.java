package app.go.local.http;

import app.go.local.lambda.LambdaInvoker;
import app.go.local.http.RouteTable.Found;
import app.go.local.http.RouteTable.Lookup;
import app.go.local.http.RouteTable.MethodNotAllowed;
import app.go.support.time.AdjustableClock;
import app.go.wiring.topology.RouteSpec;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local stand-in for API Gateway HTTP API: a server on 127.0.0.1 that matches requests
 * against the topology's routes, checks bearer tokens as the JWT authorizer would, and invokes the
 * route's function with a real {@link APIGatewayV2HTTPEvent}. It also serves the local-only routes
 * ({@code /health}, {@code /local/tokens}, {@code /local/clock}, {@code /openapi.yaml}) and any
 * added with {@link #addLocalRoute}.
 */
public final class LocalHttpApi implements AutoCloseable {
    /** Lambda's synchronous invocation payload limit. */
    public static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LocalHttpApi.class);
    /** Server threads: acceptor and selector included; a request waiting for its body holds none. */
    private static final int THREADS = 16;
    private static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;
    /** API Gateway's limit is 10 KB of header values; names and the request line get room on top. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    /**
     * A client silent this long while its request is read (headers or body) loses the connection,
     * a stalled body with a 408 REQUEST_TIMEOUT problem first (API Gateway: 30 s). The server's
     * idle timeout: it restarts with every byte that arrives.
     */
    public static final int MAX_REQUEST_SECONDS = 30;
    /** And a response not finished after this (the JDK-server endpoints of the local AWS services). */
    public static final int MAX_RESPONSE_SECONDS = 60;

    /**
     * Jetty's default compliance minus the checks API Gateway does not make: an encoded slash or
     * percent and an empty segment reach the route table (which keeps {@code %2F} inside its
     * segment); bad percent-encoding and {@code %2E%2E} segments stay a 400.
     */
    static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("API_GATEWAY",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
            UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT);

    /**
     * For the local AWS endpoints that still run on the JDK server, which reads these once, when its
     * first server starts in this JVM; without them a stalled upload holds a server thread for good.
     * Call before any {@code com.sun.net.httpserver.HttpServer} is created.
     */
    public static void configureServerTimeouts() {
        System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
        System.setProperty("sun.net.httpserver.maxRspTime", String.valueOf(MAX_RESPONSE_SECONDS));
    }

    private final Server server;
    private final ServerConnector connector;
    private final int port;
    private final Duration readTimeout;
    private final RouteTable<RouteSpec> functionRoutes = new RouteTable<>();
    private final RouteTable<LocalRoute> localRoutes = new RouteTable<>();
    private final LambdaInvoker invoker;
    private final LocalTokens tokens;
    private final HttpApiEventFactory events;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final SwaggerUi swaggerUi = new SwaggerUi();
    private volatile LocalFileServer files;

    /** Binds 127.0.0.1:{@code port} ({@code 0} picks a free port); call {@link #start()} to serve. */
    public LocalHttpApi(int port, List<RouteSpec> routes, LambdaInvoker invoker, LocalTokens tokens,
                        AdjustableClock clock) {
        this(port, routes, invoker, tokens, clock, Duration.ofSeconds(MAX_REQUEST_SECONDS));
    }

    /** As above, with another read (idle) timeout than {@link #MAX_REQUEST_SECONDS}: tests of stalled clients. */
    public LocalHttpApi(int port, List<RouteSpec> routes, LambdaInvoker invoker, LocalTokens tokens,
                        AdjustableClock clock, Duration readTimeout) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.events = new HttpApiEventFactory(Objects.requireNonNull(clock, "clock"));
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("the read timeout must be positive: " + readTimeout);
        }
        routes.forEach(route -> functionRoutes.put(route.method(), route.path(), route));
        new LocalRuntimeRoutes(tokens, clock, ready::get).registerOn(this);

        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2);
        threads.setName("local-http");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(URI_COMPLIANCE);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setIdleTimeout(readTimeout.toMillis());
        server.addConnector(connector);
        server.setHandler(new Front());
        server.setErrorHandler(new ProblemErrorHandler());
        try {
            connector.open(); // binds now, so a busy port fails here with its BindException as the cause
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        this.port = connector.getLocalPort(); // kept: a closed connector forgets it
    }

    public LocalHttpApi start() {
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException("cannot start the HTTP API", io)
                    : new IllegalStateException("cannot start the HTTP API", e);
        }
        LOG.info("HTTP API listening on {}", uri());
        return this;
    }

    /** The base address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** From now on {@code GET /health} answers 200 UP instead of 503 STARTING. */
    public void markReady() {
        ready.set(true);
    }

    /**
     * Serves {@code method path} locally, without a token; replaces a local route with the same method
     * and path (the built-in ones included). Local routes are matched before the topology's routes.
     */
    public void addLocalRoute(String method, String path, LocalRoute route) {
        localRoutes.put(method.toUpperCase(Locale.ROOT), path, route);
    }

    /** Serves {@code GET /local/files}: the finals behind the signed links {@code links} issued (CM-GEN-1). */
    public void serveFiles(app.go.adapter.file.SignedFileLinks links, app.go.domain.port.BlobStore blobs) {
        files = new LocalFileServer(links, blobs);
    }

    /** The local routes as route keys ({@code "GET /health"}). */
    public List<String> localRouteKeys() {
        List<String> keys = new java.util.ArrayList<>(localRoutes.routeKeys());
        if (files != null) {
            keys.add("GET " + app.go.adapter.file.SignedFileLinks.PATH);
        }
        return keys;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("HTTP API did not stop cleanly", e);
        }
    }

    private final class Front extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            new Exchange(request, response, callback).run();
            return true;
        }
    }

    /**
     * One request: its body is read as it arrives (no thread waits for a slow client), then the
     * request is dispatched on the server thread that delivered the last bytes. The idle timeout
     * fails only a pending read, so a function slower than it still answers.
     */
    private final class Exchange implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final String requestId = UUID.randomUUID().toString();
        private final long started = System.nanoTime();
        private ByteArrayOutputStream body = new ByteArrayOutputStream();
        private long received;

        Exchange(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        /** Reads what has arrived, then waits (without a thread) for more. */
        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    readFailed(chunk.getFailure());
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                received += bytes.remaining();
                if (body != null && received > MAX_BODY_BYTES) {
                    body = null; // too large: keep reading, so the client sees the 413 instead of a reset
                }
                if (body != null) {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    body.write(copy, 0, copy.length);
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last || (body == null && received > DRAIN_LIMIT_BYTES)) {
                    answer();
                    return;
                }
            }
        }

        private void readFailed(Throwable failure) {
            if (failure instanceof TimeoutException) {
                send(Reply.of(Problem.of(408, "REQUEST_TIMEOUT", "the request body stalled for "
                        + readTimeout.toSeconds() + " s")).set("Connection", "close"));
            } else if (failure instanceof org.eclipse.jetty.http.HttpException http && http.getCode() < 500) {
                send(Reply.of(ProblemErrorHandler.problem(http.getCode(), http.getReason())).set("Connection", "close"));
            } else {
                LOG.info("request {} lost its connection while sending the body: {}", requestId, failure.toString());
                log(499);
                callback.failed(failure);
            }
        }

        private void answer() {
            Reply reply;
            try {
                reply = body == null
                        ? Reply.of(Problem.of(413, "PAYLOAD_TOO_LARGE", "the request body exceeds " + MAX_BODY_BYTES + " bytes"))
                        : dispatch(IncomingRequest.from(request, body.toByteArray()), requestId);
            } catch (Exception | Error e) {
                LOG.error("request {} failed", requestId, e);
                reply = Reply.of(internalError(requestId));
                if (e instanceof VirtualMachineError fatal) {
                    send(reply);
                    throw fatal;
                }
            }
            send(reply);
        }

        private void send(Reply reply) {
            reply.set("apigw-requestid", requestId);
            try {
                ResponseWriter.write(response, reply, "HEAD".equals(request.getMethod()), callback);
            } catch (RuntimeException e) {
                callback.failed(e);
            } finally {
                log(reply.status());
            }
        }

        private void log(int status) {
            LOG.info("{} {} {} {}ms requestId={}", request.getMethod(), IncomingRequest.rawPath(request), status,
                    (System.nanoTime() - started) / 1_000_000, requestId);
        }
    }

    private Reply dispatch(IncomingRequest request, String requestId) {
        try {
            PathTemplate.segments(request.rawPath()); // the server refuses these first; the same answer if one passes
        } catch (IllegalArgumentException malformedEscape) {
            return Reply.of(ProblemErrorHandler.problem(400, "the path is not valid percent-encoding"));
        }
        if (SwaggerUi.handles(request.method(), request.rawPath())) {
            var asset = swaggerUi.asset(request.rawPath());
            if (asset.isPresent()) {
                return Reply.of(200, asset.get().contentType(), asset.get().content());
            }
        }
        LocalFileServer fileServer = files;
        if (fileServer != null && LocalFileServer.handles(request.method(), request.rawPath())) {
            return fileServer.serve(request);
        }
        Lookup<LocalRoute> local = localRoutes.find(request.method(), request.rawPath());
        if (local instanceof Found<LocalRoute> found) {
            return Reply.of(runLocal(found, request, requestId));
        }
        Lookup<RouteSpec> function = functionRoutes.find(request.method(), request.rawPath());
        if (function instanceof Found<RouteSpec> found) {
            return invokeFunction(found, request, requestId);
        }
        Set<String> allowed = new TreeSet<>();
        if (local instanceof MethodNotAllowed<LocalRoute> notAllowed) {
            allowed.addAll(notAllowed.allowed());
        }
        if (function instanceof MethodNotAllowed<RouteSpec> notAllowed) {
            allowed.addAll(notAllowed.allowed());
        }
        if (!allowed.isEmpty()) {
            return Reply.of(Problem.of(405, "METHOD_NOT_ALLOWED",
                    request.method() + " is not allowed on " + request.rawPath() + "; allowed: " + String.join(", ", allowed)))
                    .set("Allow", String.join(", ", allowed));
        }
        return Reply.of(Problem.of(404, "ROUTE_NOT_FOUND",
                "no route for " + request.method() + " " + request.rawPath()));
    }

    private LocalResponse runLocal(Found<LocalRoute> found, IncomingRequest request, String requestId) {
        try {
            return found.target().handle(new String(request.body(), StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            return LocalResponse.problem(e.problem());
        } catch (RuntimeException e) {
            LOG.error("local route {} failed (request {})", found.routeKey(), requestId, e);
            return LocalResponse.problem(internalError(requestId));
        }
    }

    private Reply invokeFunction(Found<RouteSpec> found, IncomingRequest request, String requestId) {
        RouteSpec route = found.target();
        Map<String, String> claims = null;
        if (route.authenticated()) {
            try {
                claims = tokens.verify(bearerToken(request.header("authorization")));
            } catch (InvalidTokenException e) {
                return Reply.of(Problem.of(401, "UNAUTHORIZED", e.getMessage())).set("WWW-Authenticate", "Bearer");
            }
        }
        APIGatewayV2HTTPEvent event = events.create(request, found.routeKey(), found.pathParameters(), claims, requestId);
        try {
            APIGatewayV2HTTPResponse response = invoker.invoke(route.function(), event, APIGatewayV2HTTPResponse.class);
            if (response == null) {
                throw new IllegalArgumentException("the function returned no response");
            }
            return ResponseWriter.reply(response);
        } catch (RuntimeException e) {
            // API Gateway answers a failed integration with a bare 500; the cause stays in the log
            LOG.error("function {} failed on {} (request {})", route.function().id(), found.routeKey(), requestId, e);
            return Reply.of(internalError(requestId));
        }
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new InvalidTokenException("missing Authorization header");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidTokenException("the Authorization header is not a Bearer token");
        }
        return authorization.substring(7).trim();
    }

    private static Problem internalError(String requestId) {
        return Problem.of(500, "INTERNAL_ERROR", "Internal Server Error (request " + requestId + ")");
    }
}
