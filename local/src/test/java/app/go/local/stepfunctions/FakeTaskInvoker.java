package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A TaskInvoker scripted per resource ARN that records every call with the clock's time. */
final class FakeTaskInvoker implements TaskInvoker {

    interface Behaviour {
        JsonNode handle(JsonNode input, int callNumber) throws Exception;
    }

    record Call(String resource, JsonNode input, Instant at, Duration timeout) {
    }

    private final Clock clock;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<Call> calls = new ArrayList<>();

    FakeTaskInvoker(Clock clock) {
        this.clock = clock;
    }

    FakeTaskInvoker on(String resource, Behaviour behaviour) {
        behaviours.put(resource, behaviour);
        return this;
    }

    FakeTaskInvoker returning(String resource, String json) {
        return on(resource, (input, n) -> Json.parse(json));
    }

    FakeTaskInvoker failing(String resource, String error, String cause) {
        return on(resource, (input, n) -> {
            throw new TaskFailedException(error, cause);
        });
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> calls(String resource) {
        return calls.stream().filter(call -> call.resource().equals(resource)).toList();
    }

    @Override
    public JsonNode invoke(String resourceArn, JsonNode input, Duration timeout) throws TaskFailedException {
        int callNumber;
        synchronized (this) {
            calls.add(new Call(resourceArn, input, clock.instant(), timeout));
            callNumber = calls(resourceArn).size();
        }
        Behaviour behaviour = behaviours.get(resourceArn);
        if (behaviour == null) {
            throw new TaskFailedException("UnknownResource", "no fake for " + resourceArn);
        }
        try {
            return behaviour.handle(input, callNumber);
        } catch (TaskFailedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
