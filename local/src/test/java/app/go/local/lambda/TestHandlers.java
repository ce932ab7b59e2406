package app.go.local.lambda;

import app.go.wiring.topology.FunctionSpec;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Handlers the local runtime instantiates by reflection in the tests; each has the Adapters constructor. */
final class TestHandlers {
    private TestHandlers() {}

    static FunctionSpec function(String id, Class<?> handler, Duration timeout) {
        return new FunctionSpec(id, "test", handler.getName(), 256, timeout, List.of(), List.of(), List.of(), false, false);
    }

    /** Reports what its Context says. */
    public static final class ContextReporting implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        public ContextReporting(Adapters adapters) {}

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            context.getLogger().log("{\"message\":\"context reported\"}");
            return Map.of(
                    "requestId", context.getAwsRequestId(),
                    "functionName", context.getFunctionName(),
                    "functionVersion", context.getFunctionVersion(),
                    "arn", context.getInvokedFunctionArn(),
                    "memory", context.getMemoryLimitInMB(),
                    "remaining", context.getRemainingTimeInMillis(),
                    "thread", Thread.currentThread().getName());
        }
    }

    public record Greeting(String name, int times) {}

    public record Reply(String text, String env) {}

    /** Takes a record, answers a record; proves the conversion both ways and that Adapters arrive. */
    public static final class Greeter implements RequestHandler<Greeting, Reply> {
        private final Adapters adapters;

        public Greeter(Adapters adapters) {
            this.adapters = adapters;
        }

        @Override
        public Reply handleRequest(Greeting input, Context context) {
            return new Reply(("hello " + input.name() + " ").repeat(input.times()).trim(),
                    adapters.env().get("GREETING_ENV", "unset"));
        }
    }

    /** Generic superclass: the input type is only known through the type hierarchy. */
    public abstract static class TypedHandler<I> implements RequestHandler<I, String> {}

    public static final class GreetingNamer extends TypedHandler<Greeting> {
        public GreetingNamer(Adapters adapters) {}

        @Override
        public String handleRequest(Greeting input, Context context) {
            return input.name();
        }
    }

    public static final class Failing implements RequestHandler<Map<String, Object>, Object> {
        public Failing(Adapters adapters) {}

        @Override
        public Object handleRequest(Map<String, Object> input, Context context) {
            throw new IllegalStateException("seller not found: " + input.get("sellerId"));
        }
    }

    public static final class Sleeping implements RequestHandler<Map<String, Object>, String> {
        public Sleeping(Adapters adapters) {}

        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            try {
                Thread.sleep(((Number) input.getOrDefault("millis", 5_000)).longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "woke up";
        }
    }

    /** Counts its constructions and returns its own identity, to prove one warm instance per function. */
    public static final class Counting implements RequestHandler<Object, Integer> {
        static final AtomicInteger CONSTRUCTIONS = new AtomicInteger();

        public Counting(Adapters adapters) {
            CONSTRUCTIONS.incrementAndGet();
        }

        @Override
        public Integer handleRequest(Object input, Context context) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return System.identityHashCode(this);
        }
    }

    /** An SQS consumer whose behaviour each test scripts under its own function id. */
    public static final class ScriptedSqs implements RequestHandler<SQSEvent, SQSBatchResponse> {
        static final Map<String, Function<SQSEvent, SQSBatchResponse>> SCRIPTS = new ConcurrentHashMap<>();

        public ScriptedSqs(Adapters adapters) {}

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            return SCRIPTS.get(context.getFunctionName()).apply(event);
        }
    }
}
