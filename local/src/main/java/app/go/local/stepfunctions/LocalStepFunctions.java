package app.go.local.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Step Functions on one JVM: registers state machines by name and runs executions of them
 * asynchronously, each on its own thread, with the API semantics of AWS (ARNs, execution names,
 * StartExecution idempotency, status, stop).
 */
public final class LocalStepFunctions implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";
    private static final String ARN_PREFIX = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":";
    private static final Pattern VALID_NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");

    private final TaskInvoker invoker;
    private final Clock clock;
    private final Waiter waiter;
    private final ExecutorService executionThreads = Executors.newCachedThreadPool(daemonThreads("sfn-execution-"));
    private final ExecutorService workerThreads = Executors.newCachedThreadPool(daemonThreads("sfn-worker-"));
    private final Map<String, StateMachineInfo> stateMachines = new LinkedHashMap<>();
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private volatile ExecutionJournal journal = ExecutionJournal.NONE;

    /** Waits follow {@code clock}, polled every 20 ms of real time. */
    public LocalStepFunctions(TaskInvoker invoker, Clock clock) {
        this(invoker, clock, new ClockPollingWaiter(clock));
    }

    public LocalStepFunctions(TaskInvoker invoker, Clock clock, Waiter waiter) {
        this.invoker = invoker;
        this.clock = clock;
        this.waiter = waiter;
    }

    public static String stateMachineArn(String name) {
        return ARN_PREFIX + "stateMachine:" + name;
    }

    public static String executionArn(String stateMachineName, String executionName) {
        return ARN_PREFIX + "execution:" + stateMachineName + ":" + executionName;
    }

    /** Registers (or replaces) a state machine and returns its ARN. */
    public String register(String name, StateMachineDefinition definition) {
        requireValidName(name);
        String arn = stateMachineArn(name);
        synchronized (stateMachines) {
            stateMachines.put(arn, new StateMachineInfo(arn, name, clock.instant(), definition));
        }
        return arn;
    }

    public List<StateMachineInfo> listStateMachines() {
        synchronized (stateMachines) {
            return List.copyOf(stateMachines.values());
        }
    }

    public StateMachineInfo describeStateMachine(String stateMachineArn) {
        requireArn(stateMachineArn, "stateMachine:");
        synchronized (stateMachines) {
            StateMachineInfo info = stateMachines.get(stateMachineArn);
            if (info == null) {
                throw new StepFunctionsServiceException("StateMachineDoesNotExist",
                        "State Machine Does Not Exist: '" + stateMachineArn + "'");
            }
            return info;
        }
    }

    /**
     * Starts an execution. Like AWS: a name already used by a RUNNING execution with the same input
     * returns that execution; any other reuse of a name is ExecutionAlreadyExists.
     *
     * @param name  null for a random UUID
     * @param input JSON text; null means {@code {}}
     */
    public StartedExecution startExecution(String stateMachineArn, String name, String input) {
        StateMachineInfo machine = describeStateMachine(stateMachineArn);
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        requireValidName(executionName);
        String inputText = input == null ? "{}" : input;
        JsonNode inputJson = parseInput(inputText);
        String arn = executionArn(machine.name(), executionName);
        Execution execution;
        synchronized (executions) {
            Execution existing = executions.get(arn);
            if (existing != null) {
                if (existing.describe().status() == ExecutionStatus.RUNNING && existing.inputJson().equals(inputJson)) {
                    return new StartedExecution(arn, existing.startDate());
                }
                throw new StepFunctionsServiceException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
            }
            execution = new Execution(arn, stateMachineArn, executionName, inputText, inputJson, clock, journal);
            executions.put(arn, execution);
            journal.save(execution.entry());
        }
        execution.attachRunner(executionThreads.submit(() -> run(execution, machine)));
        return new StartedExecution(arn, execution.startDate());
    }

    public ExecutionDescription describeExecution(String executionArn) {
        return find(executionArn).describe();
    }

    public List<HistoryEvent> executionHistory(String executionArn) {
        return find(executionArn).history();
    }

    /** Aborts a running execution; stopping a finished one changes nothing. Returns the stop date. */
    public Instant stopExecution(String executionArn, String error, String cause) {
        Execution execution = find(executionArn);
        execution.abort(error, cause);
        return execution.describe().stopDate();
    }

    /** Newest first, like AWS. {@code statusFilter} null means all. */
    public List<ExecutionDescription> listExecutions(String stateMachineArn, ExecutionStatus statusFilter) {
        describeStateMachine(stateMachineArn);
        List<ExecutionDescription> result = new ArrayList<>();
        synchronized (executions) {
            for (Execution execution : executions.values()) {
                ExecutionDescription description = execution.describe();
                if (description.stateMachineArn().equals(stateMachineArn)
                        && (statusFilter == null || description.status() == statusFilter)) {
                    result.add(description);
                }
            }
        }
        result.sort(Comparator.comparing(ExecutionDescription::startDate).reversed());
        return result;
    }

    /** Waits (in real time) for the execution to finish; returns its description, still RUNNING if it did not. */
    public ExecutionDescription awaitCompletion(String executionArn, Duration timeout) throws InterruptedException {
        Execution execution = find(executionArn);
        try {
            execution.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the description says RUNNING
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return execution.describe();
    }

    /**
     * Keeps executions in {@code directory} from now on and loads those a previous run kept: finished
     * ones can be described again, RUNNING ones resume in the state they were in (see
     * {@link ExecutionJournal}). Call once, after registering the state machines. An execution whose
     * state machine or state no longer exists fails with the reason. Returns how many resumed.
     */
    public int persistTo(java.nio.file.Path directory) {
        if (journal.enabled()) {
            throw new IllegalStateException("executions are already kept");
        }
        ExecutionJournal kept = new ExecutionJournal(directory);
        int resumed = 0;
        List<ExecutionJournal.Entry> entries = kept.load();
        entries.sort(Comparator.comparing(ExecutionJournal.Entry::startDate));
        synchronized (executions) {
            journal = kept;
            for (ExecutionJournal.Entry entry : entries) {
                Execution execution = Execution.restored(entry, clock, kept);
                executions.put(execution.arn(), execution);
                if (entry.status() != ExecutionStatus.RUNNING) {
                    continue;
                }
                StateMachineInfo machine;
                synchronized (stateMachines) {
                    machine = stateMachines.get(entry.stateMachineArn());
                }
                if (machine == null) {
                    execution.fail(StatesFailure.RUNTIME, "state machine " + entry.stateMachineArn() + " is not registered after the restart");
                } else if (!machine.definition().stateNames().contains(execution.checkpoint(machine.definition().startAt()).state())) {
                    execution.fail(StatesFailure.RUNTIME, "state '" + execution.checkpoint(machine.definition().startAt()).state()
                            + "' is not in the definition of " + machine.name() + " any more");
                } else {
                    execution.attachRunner(executionThreads.submit(() -> run(execution, machine)));
                    resumed++;
                }
            }
        }
        return resumed;
    }

    /**
     * Stops the threads. With a journal nothing more is recorded first, so executions still running
     * stay RUNNING on disk and resume on the next start; in memory they are aborted.
     */
    @Override
    public void close() {
        journal.freeze();
        synchronized (executions) {
            executions.values().forEach(execution -> execution.abort("States.Aborted", "The local runtime shut down"));
        }
        executionThreads.shutdownNow();
        workerThreads.shutdownNow();
    }

    private void run(Execution execution, StateMachineInfo machine) {
        StateMachineDefinition definition = machine.definition();
        Instant deadline = definition.timeoutSeconds().map(s -> execution.startDate().plusSeconds(s)).orElse(null);
        ExecutionContext context = ExecutionContext.of(execution.arn(), execution.name(), execution.inputJson(),
                execution.startDate(), machine.stateMachineArn(), machine.name(), deadline);
        StateMachineInterpreter interpreter = new StateMachineInterpreter(invoker, clock, waiter, workerThreads, execution);
        try {
            execution.succeed(interpreter.runExecution(definition, execution.checkpoint(definition.startAt()), context));
        } catch (ExecutionTimeoutFailure timeout) {
            execution.timeOut(timeout.error(), timeout.errorCause());
        } catch (StatesFailure failure) {
            execution.fail(failure.error(), failure.errorCause());
        } catch (InterruptedException e) {
            execution.abort(null, null);
        } catch (RuntimeException e) {
            execution.fail(StatesFailure.RUNTIME, e.toString());
        }
    }

    private Execution find(String executionArn) {
        requireArn(executionArn, "execution:");
        synchronized (executions) {
            Execution execution = executions.get(executionArn);
            if (execution == null) {
                throw new StepFunctionsServiceException("ExecutionDoesNotExist",
                        "Execution Does Not Exist: '" + executionArn + "'");
            }
            return execution;
        }
    }

    private static JsonNode parseInput(String input) {
        try {
            return JsonPaths.MAPPER.readTree(input);
        } catch (JsonProcessingException e) {
            throw new StepFunctionsServiceException("InvalidExecutionInput",
                    "Invalid State Machine Execution Input: '" + e.getOriginalMessage() + "'");
        }
    }

    private static void requireArn(String arn, String resourceType) {
        if (arn == null || !arn.startsWith("arn:aws:states:") || !arn.contains(":" + resourceType)
                || arn.endsWith(":")) {
            throw new StepFunctionsServiceException("InvalidArn", "Invalid Arn: '" + arn + "'");
        }
    }

    private static void requireValidName(String name) {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new StepFunctionsServiceException("InvalidName", "Invalid Name: '" + name + "'");
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
