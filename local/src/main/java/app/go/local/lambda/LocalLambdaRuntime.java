package app.go.local.lambda;

import app.go.support.json.Json;
import app.go.wiring.topology.FunctionSpec;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lambda on one JVM: each function's handler is instantiated by reflection with the shared
 * {@link Adapters} on its first invocation and kept warm; every invocation gets a fresh
 * {@link LocalContext} and runs on a worker thread under the function's timeout. Thread-safe;
 * concurrent invocations of one function share its handler instance.
 */
public final class LocalLambdaRuntime implements LambdaInvoker, AutoCloseable {
    public static final String TIMEOUT_ERROR_TYPE = "Sandbox.Timedout";
    private static final Logger log = LoggerFactory.getLogger(LocalLambdaRuntime.class);

    private final Adapters adapters;
    private final Map<String, FunctionSpec> functions;
    private final Map<String, HandlerContainer> containers = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    /** The functions of {@link SystemTopology}. */
    public LocalLambdaRuntime(Adapters adapters) {
        this(adapters, SystemTopology.FUNCTIONS);
    }

    public LocalLambdaRuntime(Adapters adapters, List<FunctionSpec> functions) {
        this.adapters = adapters;
        this.functions = functions.stream().collect(Collectors.toUnmodifiableMap(FunctionSpec::id, Function.identity()));
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "lambda-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> T invoke(FunctionSpec function, Object event, Class<T> resultType) {
        HandlerContainer container = containers.computeIfAbsent(function.id(), id -> new HandlerContainer(function, adapters));
        container.warmUp(); // init time is not part of the invocation's timeout, as in Lambda
        LocalContext context = LocalContext.startingNow(function);
        long started = System.nanoTime();
        Future<Object> result = workers.submit(() -> container.handle(event, context));
        try {
            Object value = result.get(function.timeout().toNanos(), TimeUnit.NANOSECONDS);
            return convert(value, resultType);
        } catch (TimeoutException e) {
            result.cancel(true);
            containers.remove(function.id(), container); // Lambda resets an environment that timed out
            throw new LambdaInvocationException(TIMEOUT_ERROR_TYPE, timeoutMessage(function.timeout()), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new LambdaInvocationException(cause.getClass().getName(), cause.getMessage(), cause);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new LambdaInvocationException("Runtime.Interrupted", "invocation of " + function.id() + " interrupted", e);
        } finally {
            log.debug("REPORT {} RequestId: {} Duration: {} ms", function.id(), context.getAwsRequestId(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Invokes with a JSON payload and returns the JSON result ({@code null} as {@link NullNode}), as the
     * Step Functions executor needs for Task states.
     *
     * @param functionName a function id ({@code OnMessage}), optionally qualified ({@code OnMessage:$LATEST}),
     *                     or its ARN ({@code arn:aws:lambda:us-east-1:000000000000:function:OnMessage})
     */
    public JsonNode invokeJson(String functionName, JsonNode payload) {
        JsonNode result = invoke(function(functionName), payload, JsonNode.class);
        return result == null ? NullNode.getInstance() : result;
    }

    /** The registered function named by id, qualified id or ARN. */
    public FunctionSpec function(String functionName) {
        String id = functionId(functionName);
        FunctionSpec function = functions.get(id);
        if (function == null) {
            throw new IllegalArgumentException("no function " + id + " (from " + functionName + ") is registered");
        }
        return function;
    }

    /** Stops the worker threads; running invocations are interrupted. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    static String functionId(String functionName) {
        String name = functionName;
        int marker = name.indexOf(":function:");
        if (marker >= 0) {
            name = name.substring(marker + ":function:".length());
        }
        int qualifier = name.indexOf(':');
        return qualifier >= 0 ? name.substring(0, qualifier) : name;
    }

    static String timeoutMessage(Duration timeout) {
        return String.format(Locale.ROOT, "Task timed out after %.2f seconds", timeout.toMillis() / 1000.0);
    }

    private static <T> T convert(Object value, Class<T> resultType) {
        if (value == null || resultType == Void.class || resultType == void.class) {
            return null;
        }
        if (resultType.isInstance(value)) {
            return resultType.cast(value);
        }
        return Json.MAPPER.convertValue(value, resultType);
    }
}
