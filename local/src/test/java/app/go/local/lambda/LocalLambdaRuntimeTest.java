package app.go.local.lambda;

import app.go.support.config.Env;
import app.go.support.json.Json;
import app.go.wiring.topology.FunctionSpec;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("LocalLambdaRuntime")
class LocalLambdaRuntimeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final FunctionSpec CONTEXT = TestHandlers.function("ContextReporting", TestHandlers.ContextReporting.class, TIMEOUT);
    private static final FunctionSpec GREETER = TestHandlers.function("Greeter", TestHandlers.Greeter.class, TIMEOUT);
    private static final FunctionSpec NAMER = TestHandlers.function("GreetingNamer", TestHandlers.GreetingNamer.class, TIMEOUT);
    private static final FunctionSpec FAILING = TestHandlers.function("Failing", TestHandlers.Failing.class, TIMEOUT);
    private static final FunctionSpec SLEEPING = TestHandlers.function("Sleeping", TestHandlers.Sleeping.class, Duration.ofMillis(300));
    private static final FunctionSpec COUNTING = TestHandlers.function("Counting", TestHandlers.Counting.class, TIMEOUT);
    private static final FunctionSpec ECHO_SQS = TestHandlers.function("EchoSqs", TestHandlers.ScriptedSqs.class, TIMEOUT);
    private static final FunctionSpec MISSING = TestHandlers.function("Missing", String.class, TIMEOUT);

    private static final Adapters ADAPTERS = new Adapters(new Env(Map.of("GREETING_ENV", "from-adapters")),
            Clock.systemUTC(), a -> null, a -> null);
    private static final LocalLambdaRuntime RUNTIME = new LocalLambdaRuntime(ADAPTERS,
            List.of(CONTEXT, GREETER, NAMER, FAILING, SLEEPING, COUNTING, ECHO_SQS, MISSING));

    @AfterAll
    static void close() {
        RUNTIME.close();
    }

    @Test
    @DisplayName("the Context carries a request id, the function's name, version, ARN, memory, a clock below the timeout and a stdout logger")
    void contextIsComplete() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        JsonNode first;
        JsonNode second;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            first = RUNTIME.invoke(CONTEXT, Map.of(), JsonNode.class);
            second = RUNTIME.invoke(CONTEXT, Map.of(), JsonNode.class);
        } finally {
            System.setOut(stdout);
        }
        assertTrue(first.path("requestId").asText().matches("[0-9a-f-]{36}"), first.toString());
        assertTrue(!first.path("requestId").equals(second.path("requestId")), "a fresh request id per invocation");
        assertEquals("ContextReporting", first.path("functionName").asText());
        assertEquals("$LATEST", first.path("functionVersion").asText());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:ContextReporting", first.path("arn").asText());
        assertEquals(256, first.path("memory").asInt());
        int remaining = first.path("remaining").asInt();
        assertTrue(remaining > 0 && remaining < TIMEOUT.toMillis(), "remaining " + remaining);
        assertTrue(first.path("thread").asText().startsWith("lambda-worker-"), "runs on a worker thread");
        assertEquals(2, captured.toString(StandardCharsets.UTF_8).lines()
                .filter("{\"message\":\"context reported\"}"::equals).count());
    }

    @Test
    @DisplayName("a Map event is converted to the handler's record input and the record result to the requested type")
    void convertsEventAndResult() {
        Map<?, ?> reply = RUNTIME.invoke(GREETER, Map.of("name", "Ana", "times", 2, "ignored", true), Map.class);
        assertEquals(Map.of("text", "hello Ana hello Ana", "env", "from-adapters"), reply);

        TestHandlers.Reply typed = RUNTIME.invoke(GREETER, Json.parse("{\"name\":\"Bo\",\"times\":1}"), TestHandlers.Reply.class);
        assertEquals(new TestHandlers.Reply("hello Bo", "from-adapters"), typed);
    }

    @Test
    @DisplayName("the input type is found through a generic superclass too")
    void resolvesInputTypeThroughSuperclass() {
        assertEquals("Cy", RUNTIME.invoke(NAMER, Map.of("name", "Cy", "times", 1), String.class));
    }

    @Test
    @DisplayName("an event that already has the handler's input type is passed through as the same instance")
    void passesEventInstanceThrough() {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of());
        Object[] seen = new Object[1];
        TestHandlers.ScriptedSqs.SCRIPTS.put("EchoSqs", e -> {
            seen[0] = e;
            return null;
        });
        assertEquals(null, RUNTIME.invoke(ECHO_SQS, event, Object.class));
        assertSame(event, seen[0]);
    }

    @Test
    @DisplayName("a handler exception becomes a LambdaInvocationException whose errorType is the exception's class name")
    void mapsExceptionToErrorType() {
        LambdaInvocationException e = assertThrows(LambdaInvocationException.class,
                () -> RUNTIME.invoke(FAILING, Map.of("sellerId", "s-1"), Object.class));
        assertEquals("java.lang.IllegalStateException", e.errorType());
        assertEquals("seller not found: s-1", e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    @Test
    @DisplayName("a handler running past its timeout fails with Sandbox.Timedout, as Lambda reports it")
    void enforcesTimeout() {
        long started = System.nanoTime();
        LambdaInvocationException e = assertThrows(LambdaInvocationException.class,
                () -> RUNTIME.invoke(SLEEPING, Map.of("millis", 5_000), String.class));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("Sandbox.Timedout", e.errorType());
        assertEquals("Task timed out after 0.30 seconds", e.getMessage());
        assertTrue(elapsedMillis < 2_000, "returned after " + elapsedMillis + " ms");
        assertEquals("woke up", RUNTIME.invoke(SLEEPING, Map.of("millis", 10), String.class));
    }

    @Test
    @DisplayName("one warm handler instance serves every invocation of a function, concurrent ones included")
    void keepsOneWarmInstance() {
        List<CompletableFuture<Integer>> calls = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> RUNTIME.invoke(COUNTING, Map.of("i", i), Integer.class)))
                .toList();
        Set<Integer> instances = calls.stream().map(CompletableFuture::join).collect(java.util.stream.Collectors.toSet());
        assertEquals(1, instances.size());
        assertEquals(1, TestHandlers.Counting.CONSTRUCTIONS.get());
    }

    @Test
    @DisplayName("invokeJson finds the function by id, qualified id or Lambda ARN and returns JSON")
    void invokesJsonByNameOrArn() {
        JsonNode payload = Json.parse("{\"name\":\"Di\",\"times\":1}");
        for (String name : List.of("Greeter", "Greeter:$LATEST", "arn:aws:lambda:us-east-1:000000000000:function:Greeter",
                "arn:aws:lambda:us-east-1:000000000000:function:Greeter:$LATEST")) {
            JsonNode result = RUNTIME.invokeJson(name, payload);
            assertEquals("hello Di", result.path("text").asText(), name);
        }
        TestHandlers.ScriptedSqs.SCRIPTS.put("EchoSqs", e -> null);
        assertTrue(RUNTIME.invokeJson("EchoSqs", Json.object()).isNull(), "a null result is JSON null");
        assertThrows(IllegalArgumentException.class, () -> RUNTIME.invokeJson("Nope", payload));
    }

    @Test
    @DisplayName("a handler class without a public Adapters constructor fails the invocation, naming the class")
    void rejectsClassWithoutAdaptersConstructor() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RUNTIME.invoke(MISSING, Map.of(), Object.class));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }
}
