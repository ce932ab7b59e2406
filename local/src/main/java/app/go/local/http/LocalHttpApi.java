package app.go.local.http;

import app.go.local.lambda.LambdaInvoker;
import app.go.local.http.RouteTable.Found;
import app.go.local.http.RouteTable.Lookup;
import app.go.local.http.RouteTable.MethodNotAllowed;
import app.go.support.time.AdjustableClock;
import app.go.wiring.topology.RouteSpec;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
    private static final int THREADS = 8;
    private static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    /** A client that stalls while sending headers or body loses its connection after this (API Gateway: 30 s). */
    public static final int MAX_REQUEST_SECONDS = 30;
    /** And a response not finished after this (API Gateway's integration timeout is 30 s too). */
    public static final int MAX_RESPONSE_SECONDS = 60;

    static {
        configureServerTimeouts();
    }

    /**
     * The JDK server reads these once, when its first server starts in this JVM; without them a
     * stalled upload holds a server thread for good. Call before any HttpServer is created.
     */
    public static void configureServerTimeouts() {
        System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
        System.setProperty("sun.net.httpserver.maxRspTime", String.valueOf(MAX_RESPONSE_SECONDS));
    }

    private final HttpServer server;
    private final ExecutorService executor;
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
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.events = new HttpApiEventFactory(Objects.requireNonNull(clock, "clock"));
        routes.forEach(route -> functionRoutes.put(route.method(), route.path(), route));
        new LocalRuntimeRoutes(tokens, clock, ready::get).registerOn(this);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public LocalHttpApi start() {
        server.start();
        LOG.info("HTTP API listening on {}", uri());
        return this;
    }

    /** The base address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
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
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        int status = 500;
        try {
            exchange.getResponseHeaders().set("apigw-requestid", requestId);
            status = dispatch(exchange, requestId);
        } catch (Exception | Error e) {
            LOG.error("request {} failed", requestId, e);
            status = answerIfUnanswered(exchange, requestId, status);
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        } finally {
            exchange.close();
            LOG.info("{} {} {} {}ms requestId={}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    status, (System.nanoTime() - started) / 1_000_000, requestId);
        }
    }

    /** @return the status answered */
    private int dispatch(HttpExchange exchange, String requestId) throws IOException {
        byte[] body = readBody(exchange);
        if (body == null) {
            return reply(exchange, Problem.of(413, "PAYLOAD_TOO_LARGE",
                    "the request body exceeds " + MAX_BODY_BYTES + " bytes"));
        }
        IncomingRequest request = IncomingRequest.from(exchange, body);
        if (SwaggerUi.handles(request.method(), request.rawPath())) {
            var asset = swaggerUi.asset(request.rawPath());
            if (asset.isPresent()) {
                ResponseWriter.write(exchange, 200, asset.get().contentType(), asset.get().content());
                return 200;
            }
        }
        LocalFileServer fileServer = files;
        if (fileServer != null && LocalFileServer.handles(request.method(), request.rawPath())) {
            return fileServer.serve(exchange, request);
        }
        Lookup<LocalRoute> local = localRoutes.find(request.method(), request.rawPath());
        if (local instanceof Found<LocalRoute> found) {
            return reply(exchange, runLocal(found, request, requestId));
        }
        Lookup<RouteSpec> function = functionRoutes.find(request.method(), request.rawPath());
        if (function instanceof Found<RouteSpec> found) {
            return invokeFunction(exchange, found, request, requestId);
        }
        Set<String> allowed = new TreeSet<>();
        if (local instanceof MethodNotAllowed<LocalRoute> notAllowed) {
            allowed.addAll(notAllowed.allowed());
        }
        if (function instanceof MethodNotAllowed<RouteSpec> notAllowed) {
            allowed.addAll(notAllowed.allowed());
        }
        if (!allowed.isEmpty()) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
            return reply(exchange, Problem.of(405, "METHOD_NOT_ALLOWED",
                    request.method() + " is not allowed on " + request.rawPath() + "; allowed: " + String.join(", ", allowed)));
        }
        return reply(exchange, Problem.of(404, "ROUTE_NOT_FOUND",
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

    private int invokeFunction(HttpExchange exchange, Found<RouteSpec> found, IncomingRequest request,
                               String requestId) throws IOException {
        RouteSpec route = found.target();
        Map<String, String> claims = null;
        if (route.authenticated()) {
            try {
                claims = tokens.verify(bearerToken(request.header("authorization")));
            } catch (InvalidTokenException e) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                return reply(exchange, Problem.of(401, "UNAUTHORIZED", e.getMessage()));
            }
        }
        APIGatewayV2HTTPEvent event = events.create(request, found.routeKey(), found.pathParameters(), claims, requestId);
        try {
            APIGatewayV2HTTPResponse response = invoker.invoke(route.function(), event, APIGatewayV2HTTPResponse.class);
            if (response == null) {
                throw new IllegalArgumentException("the function returned no response");
            }
            ResponseWriter.write(exchange, response);
            return response.getStatusCode();
        } catch (RuntimeException e) {
            // API Gateway answers a failed integration with a bare 500; the cause stays in the log
            LOG.error("function {} failed on {} (request {})", route.function().id(), found.routeKey(), requestId, e);
            return reply(exchange, internalError(requestId));
        }
    }

    private static int answerIfUnanswered(HttpExchange exchange, String requestId, int status) {
        if (exchange.getResponseCode() != -1) {
            return exchange.getResponseCode();
        }
        try {
            return reply(exchange, internalError(requestId));
        } catch (IOException | RuntimeException e) {
            return status;
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

    /** @return the body, or null when it is larger than {@link #MAX_BODY_BYTES} */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length <= MAX_BODY_BYTES) {
                return body;
            }
            // a client still sending when the 413 comes back tends to see a reset instead of the answer
            discard(in, DRAIN_LIMIT_BYTES);
            return null;
        }
    }

    private static void discard(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer)) != -1) {
            total += read;
        }
    }

    private static int reply(HttpExchange exchange, Problem problem) throws IOException {
        return reply(exchange, LocalResponse.problem(problem));
    }

    private static int reply(HttpExchange exchange, LocalResponse response) throws IOException {
        ResponseWriter.write(exchange, response);
        return response.status();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "local-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
