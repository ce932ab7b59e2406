package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one execution of a definition: walks the states from StartAt, applies each state's input and
 * output processing, Retry and Catch, and returns the final output or throws the unhandled
 * {@link StatesFailure}. Task calls, Map iterations and Parallel branches run on {@code workers}.
 */
final class StateMachineInterpreter {
    /** AWS's default for a Task without TimeoutSeconds. */
    private static final long DEFAULT_TASK_TIMEOUT_SECONDS = 99_999_999L;
    private static final int DEFAULT_MAP_CONCURRENCY = 10;

    private final TaskInvoker invoker;
    private final Clock clock;
    private final Waiter waiter;
    private final ExecutorService workers;
    private final ExecutionObserver observer;

    StateMachineInterpreter(TaskInvoker invoker, Clock clock, Waiter waiter, ExecutorService workers,
            ExecutionObserver observer) {
        this.invoker = invoker;
        this.clock = clock;
        this.waiter = waiter;
        this.workers = workers;
        this.observer = observer;
    }

    private record Outcome(String next, JsonNode output) {
    }

    /** The state being run, for the {@code $$} context object. */
    private record StateRun(String name, JsonNode state, Instant enteredTime, ExecutionContext context) {
        Supplier<JsonNode> contextObject(int retryCount) {
            return () -> context.toJson(name, enteredTime, retryCount);
        }
    }

    private interface Attempt {
        JsonNode run(int retryCount) throws InterruptedException;
    }

    /**
     * Where a top-level run starts: from StartAt, or for an execution resumed after a restart the state
     * it was in, with the time it first entered it (so a Wait keeps its original target).
     */
    record Checkpoint(String state, JsonNode input, Instant enteredTime) {
    }

    /** A branch, a Map iteration: runs from StartAt, no checkpoints. */
    JsonNode run(StateMachineDefinition definition, JsonNode input, ExecutionContext context)
            throws InterruptedException {
        return run(definition, new Checkpoint(definition.startAt(), input, null), context, false);
    }

    /** The execution itself: reports a checkpoint on entering each state, so it can be resumed there. */
    JsonNode runExecution(StateMachineDefinition definition, Checkpoint from, ExecutionContext context)
            throws InterruptedException {
        return run(definition, from, context, true);
    }

    private JsonNode run(StateMachineDefinition definition, Checkpoint from, ExecutionContext context, boolean topLevel)
            throws InterruptedException {
        String current = from.state();
        JsonNode data = from.input();
        Instant resumedEntry = from.enteredTime();
        while (true) {
            checkRunnable(context);
            JsonNode state = definition.state(current);
            String type = state.path("Type").asText();
            Instant entered = resumedEntry != null ? resumedEntry : clock.instant();
            resumedEntry = null;
            if (topLevel) {
                observer.checkpoint(current, data, entered);
            }
            observer.stateEntered(current, type, data);
            Outcome outcome = execute(new StateRun(current, state, entered, context), type, data);
            observer.stateExited(current, outcome.output(), outcome.next());
            if (outcome.next() == null) {
                return outcome.output();
            }
            current = outcome.next();
            data = outcome.output();
        }
    }

    private Outcome execute(StateRun run, String type, JsonNode rawInput) throws InterruptedException {
        JsonNode state = run.state();
        return switch (type) {
            case "Task" -> withRetryAndCatch(run, rawInput, retryCount -> task(run, rawInput, retryCount));
            case "Map" -> withRetryAndCatch(run, rawInput, retryCount -> map(run, rawInput, retryCount));
            case "Parallel" -> withRetryAndCatch(run, rawInput, retryCount -> parallel(run, rawInput, retryCount));
            case "Pass" -> new Outcome(next(state), pass(run, rawInput));
            case "Wait" -> new Outcome(next(state), waitState(run, rawInput));
            case "Choice" -> {
                JsonNode effective = StateIo.inputPath(state, rawInput);
                String next = ChoiceRules.next(state, effective, run.contextObject(0));
                yield new Outcome(next, StateIo.outputPath(state, effective));
            }
            case "Succeed" -> new Outcome(null, StateIo.outputPath(state, StateIo.inputPath(state, rawInput)));
            case "Fail" -> throw fail(state, rawInput);
            default -> throw StatesFailure.runtime("Unsupported state type '" + type + "'");
        };
    }

    private Outcome withRetryAndCatch(StateRun run, JsonNode rawInput, Attempt attempt) throws InterruptedException {
        RetryPolicy retry = new RetryPolicy(run.state().get("Retry"));
        while (true) {
            try {
                return new Outcome(next(run.state()), attempt.run(retry.retryCount()));
            } catch (StatesFailure failure) {
                if (failure.isTerminal()) {
                    throw failure;
                }
                observer.attemptFailed(run.name(), failure);
                Optional<Duration> delay = retry.nextDelay(failure);
                if (delay.isPresent()) {
                    observer.retryScheduled(run.name(), retry.retryCount(), delay.get());
                    pause(clock.instant().plus(delay.get()), run.context());
                    continue;
                }
                Optional<JsonNode> catcher = RetryPolicy.catcherFor(run.state().get("Catch"), failure);
                if (catcher.isEmpty()) {
                    throw failure;
                }
                String next = catcher.get().get("Next").asText();
                observer.errorCaught(run.name(), failure, next);
                JsonNode resultPath = catcher.get().has("ResultPath") ? catcher.get().get("ResultPath") : null;
                return new Outcome(next, StateIo.resultPath(resultPath, rawInput, failure.toErrorOutput()));
            }
        }
    }

    private JsonNode task(StateRun run, JsonNode rawInput, int retryCount) throws InterruptedException {
        JsonNode state = run.state();
        Supplier<JsonNode> context = run.contextObject(retryCount);
        JsonNode parameters = StateIo.parameters(state, StateIo.inputPath(state, rawInput), context);
        long timeoutSeconds = state.path("TimeoutSeconds").asLong(DEFAULT_TASK_TIMEOUT_SECONDS);
        JsonNode result = invoke(state.get("Resource").asText(), parameters, Duration.ofSeconds(timeoutSeconds));
        return StateIo.output(state, rawInput, result, context);
    }

    private JsonNode invoke(String resource, JsonNode input, Duration timeout) throws InterruptedException {
        Future<JsonNode> call = workers.submit(() -> invoker.invoke(resource, input, timeout));
        try {
            JsonNode result = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return result == null ? NullNode.getInstance() : result;
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new StatesFailure(StatesFailure.TIMEOUT, "Task " + resource + " did not finish within "
                    + timeout.toSeconds() + " seconds");
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TaskFailedException failed) {
                throw new StatesFailure(failed.error(), failed.cause());
            }
            if (cause instanceof StatesFailure failure) {
                throw failure;
            }
            throw new StatesFailure(cause.getClass().getName(), String.valueOf(cause.getMessage()));
        }
    }

    private JsonNode map(StateRun run, JsonNode rawInput, int retryCount) throws InterruptedException {
        JsonNode state = run.state();
        JsonNode effective = StateIo.inputPath(state, rawInput);
        JsonNode items = state.has("ItemsPath") ? JsonPaths.read(effective, state.get("ItemsPath").asText()) : effective;
        if (!items.isArray()) {
            throw StatesFailure.runtime("Map state '" + run.name() + "': ItemsPath must select an array, got "
                    + JsonPaths.abbreviate(items));
        }
        JsonNode selector = state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
        StateMachineDefinition processor = StateMachineDefinition.nested(
                state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator"));
        int maxConcurrency = state.path("MaxConcurrency").asInt(0);
        List<JsonNode> results = ConcurrentRuns.runAll(workers, items.size(),
                maxConcurrency == 0 ? DEFAULT_MAP_CONCURRENCY : maxConcurrency, index -> {
                    ExecutionContext itemContext = run.context().withMapItem(index, items.get(index));
                    JsonNode itemInput = selector == null ? items.get(index) : PayloadTemplate.evaluate(selector,
                            effective, () -> itemContext.toJson(run.name(), run.enteredTime(), retryCount));
                    return run(processor, itemInput, run.context());
                });
        return StateIo.output(state, rawInput, JsonPaths.MAPPER.valueToTree(results), run.contextObject(retryCount));
    }

    private JsonNode parallel(StateRun run, JsonNode rawInput, int retryCount) throws InterruptedException {
        JsonNode state = run.state();
        Supplier<JsonNode> context = run.contextObject(retryCount);
        JsonNode input = StateIo.parameters(state, StateIo.inputPath(state, rawInput), context);
        JsonNode branches = state.get("Branches");
        List<JsonNode> results = ConcurrentRuns.runAll(workers, branches.size(), branches.size(),
                index -> run(StateMachineDefinition.nested(branches.get(index)), input, run.context()));
        return StateIo.output(state, rawInput, JsonPaths.MAPPER.valueToTree(results), context);
    }

    private JsonNode pass(StateRun run, JsonNode rawInput) {
        JsonNode state = run.state();
        Supplier<JsonNode> context = run.contextObject(0);
        JsonNode result = state.has("Result")
                ? state.get("Result")
                : StateIo.parameters(state, StateIo.inputPath(state, rawInput), context);
        return StateIo.outputPath(state, StateIo.resultPath(state.get("ResultPath"), rawInput, result));
    }

    private JsonNode waitState(StateRun run, JsonNode rawInput) throws InterruptedException {
        JsonNode state = run.state();
        JsonNode effective = StateIo.inputPath(state, rawInput);
        pause(waitTarget(state, effective, run.enteredTime()), run.context());
        return StateIo.outputPath(state, effective);
    }

    private static Instant waitTarget(JsonNode state, JsonNode input, Instant entered) {
        if (state.has("Seconds") || state.has("SecondsPath")) {
            JsonNode seconds = state.has("Seconds") ? state.get("Seconds") : JsonPaths.read(input, state.get("SecondsPath").asText());
            if (!seconds.isNumber() || seconds.asLong() < 0) {
                throw StatesFailure.runtime("Wait seconds must be a non-negative number, got " + seconds);
            }
            return entered.plusMillis(Math.round(seconds.asDouble() * 1000));
        }
        JsonNode timestamp = state.has("Timestamp") ? state.get("Timestamp") : JsonPaths.read(input, state.get("TimestampPath").asText());
        try {
            return OffsetDateTime.parse(timestamp.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw StatesFailure.runtime("Wait timestamp is not an RFC 3339 timestamp: " + timestamp);
        }
    }

    private StatesFailure fail(JsonNode state, JsonNode rawInput) {
        String error = state.has("ErrorPath") ? JsonPaths.read(rawInput, state.get("ErrorPath").asText()).asText()
                : state.path("Error").asText("States.Fail");
        String cause = state.has("CausePath") ? JsonPaths.read(rawInput, state.get("CausePath").asText()).asText()
                : state.path("Cause").asText("");
        return new StatesFailure(error, cause);
    }

    /** Waits for the clock to reach {@code target}, but not past the execution's own deadline. */
    private void pause(Instant target, ExecutionContext context) throws InterruptedException {
        Instant deadline = context.deadline();
        if (deadline != null && deadline.isBefore(target)) {
            waiter.waitUntil(deadline);
            checkRunnable(context);
        }
        waiter.waitUntil(target);
    }

    private void checkRunnable(ExecutionContext context) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("execution stopped");
        }
        Instant deadline = context.deadline();
        if (deadline != null && !clock.instant().isBefore(deadline)) {
            long seconds = Duration.between(context.startTime(), deadline).toSeconds();
            throw new ExecutionTimeoutFailure(seconds);
        }
    }

    private static String next(JsonNode state) {
        JsonNode next = state.get("Next");
        return next == null ? null : next.asText();
    }
}
