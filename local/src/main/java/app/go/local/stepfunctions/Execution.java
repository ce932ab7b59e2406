package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One execution's mutable record: status, result, history. It is also the interpreter's observer. */
final class Execution implements ExecutionObserver {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStepFunctions.class);

    private final String executionArn;
    private final String stateMachineArn;
    private final String name;
    private final String logLabel;
    private final String input;
    private final JsonNode inputJson;
    private final Instant startDate;
    private final Clock clock;
    private final List<HistoryEvent> history = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private String output;
    private String error;
    private String cause;
    private Instant stopDate;
    private Future<?> runner;
    private final ExecutionJournal journal;
    private StateMachineInterpreter.Checkpoint checkpoint;

    Execution(String executionArn, String stateMachineArn, String name, String input, JsonNode inputJson, Clock clock,
            ExecutionJournal journal) {
        this(executionArn, stateMachineArn, name, input, inputJson, clock, journal, clock.instant());
        record("ExecutionStarted", null, input);
    }

    private Execution(String executionArn, String stateMachineArn, String name, String input, JsonNode inputJson, Clock clock,
            ExecutionJournal journal, Instant startDate) {
        this.executionArn = executionArn;
        this.stateMachineArn = stateMachineArn;
        this.name = name;
        this.logLabel = stateMachineArn.substring(stateMachineArn.lastIndexOf(':') + 1) + "/" + name;
        this.input = input;
        this.inputJson = inputJson;
        this.clock = clock;
        this.journal = journal;
        this.startDate = startDate;
    }

    /** An execution as the journal kept it: finished, or RUNNING with the checkpoint to resume from. */
    static Execution restored(ExecutionJournal.Entry entry, Clock clock, ExecutionJournal journal) {
        Execution execution = new Execution(entry.executionArn(), entry.stateMachineArn(), entry.name(), entry.input(),
                entry.inputJson(), clock, journal, entry.startDate());
        synchronized (execution) {
            execution.status = entry.status();
            execution.output = entry.output();
            execution.error = entry.error();
            execution.cause = entry.cause();
            execution.stopDate = entry.stopDate();
            execution.checkpoint = entry.checkpoint();
            execution.record("ExecutionRestored", entry.checkpoint() == null ? null : entry.checkpoint().state(),
                    entry.status().name());
        }
        if (entry.status() != ExecutionStatus.RUNNING) {
            execution.done.complete(null);
        }
        return execution;
    }

    /** Where a resumed run starts: the last state entered, or StartAt when it never entered one. */
    synchronized StateMachineInterpreter.Checkpoint checkpoint(String startAt) {
        return checkpoint != null ? checkpoint : new StateMachineInterpreter.Checkpoint(startAt, inputJson, null);
    }

    synchronized ExecutionJournal.Entry entry() {
        return new ExecutionJournal.Entry(executionArn, stateMachineArn, name, input, inputJson, startDate, status, output,
                error, cause, stopDate, checkpoint);
    }

    String arn() {
        return executionArn;
    }

    String stateMachineArn() {
        return stateMachineArn;
    }

    String name() {
        return name;
    }

    JsonNode inputJson() {
        return inputJson;
    }

    Instant startDate() {
        return startDate;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    void attachRunner(Future<?> runner) {
        boolean aborted;
        synchronized (this) {
            this.runner = runner;
            aborted = status == ExecutionStatus.ABORTED;
        }
        if (aborted) {
            runner.cancel(true); // stopped before its thread was known
        }
    }

    synchronized ExecutionDescription describe() {
        return new ExecutionDescription(executionArn, stateMachineArn, name, status, input, output, error, cause,
                startDate, stopDate);
    }

    synchronized List<HistoryEvent> history() {
        return List.copyOf(history);
    }

    void succeed(JsonNode result) {
        finish(ExecutionStatus.SUCCEEDED, result.toString(), null, null, "ExecutionSucceeded");
    }

    void fail(String error, String cause) {
        finish(ExecutionStatus.FAILED, null, error, cause, "ExecutionFailed");
    }

    void timeOut(String error, String cause) {
        finish(ExecutionStatus.TIMED_OUT, null, error, cause, "ExecutionTimedOut");
    }

    /** Aborts a running execution and interrupts its thread; a finished one is left as it is. */
    void abort(String error, String cause) {
        if (finish(ExecutionStatus.ABORTED, null, error, cause, "ExecutionAborted")) {
            Future<?> toCancel;
            synchronized (this) {
                toCancel = runner;
            }
            if (toCancel != null) {
                toCancel.cancel(true);
            }
        }
    }

    /** Only the first transition out of RUNNING counts. */
    private boolean finish(ExecutionStatus newStatus, String output, String error, String cause, String eventType) {
        synchronized (this) {
            if (status != ExecutionStatus.RUNNING) {
                return false;
            }
            this.status = newStatus;
            this.output = output;
            this.error = error;
            this.cause = cause;
            this.stopDate = clock.instant();
            record(eventType, null, error == null ? output : error + ": " + cause);
            journal.save(entry());
        }
        LOG.info("{}: {}{}", logLabel, newStatus, error == null ? "" : " " + error + " (" + cause + ")");
        done.complete(null);
        return true;
    }

    @Override
    public void checkpoint(String state, JsonNode stateInput, Instant enteredTime) {
        synchronized (this) {
            if (status != ExecutionStatus.RUNNING) {
                return;
            }
            checkpoint = new StateMachineInterpreter.Checkpoint(state, stateInput, enteredTime);
            journal.save(entry());
        }
    }

    @Override
    public void stateEntered(String state, String type, JsonNode stateInput) {
        record("StateEntered", state, type);
    }

    @Override
    public void stateExited(String state, JsonNode stateOutput, String next) {
        record("StateExited", state, next == null ? "end" : "next " + next);
        LOG.info("{}: {} -> {}", logLabel, state, next == null ? "(end)" : next);
    }

    @Override
    public void attemptFailed(String state, StatesFailure failure) {
        record("TaskFailed", state, failure.error() + ": " + failure.errorCause());
    }

    @Override
    public void retryScheduled(String state, int retryNumber, Duration delay) {
        record("RetryScheduled", state, "retry " + retryNumber + " in " + delay);
        LOG.info("{}: {} retry {} in {}", logLabel, state, retryNumber, delay);
    }

    @Override
    public void errorCaught(String state, StatesFailure failure, String next) {
        record("ErrorCaught", state, failure.error() + " -> " + next);
        LOG.info("{}: {} caught {} -> {}", logLabel, state, failure.error(), next);
    }

    private synchronized void record(String type, String state, String detail) {
        history.add(new HistoryEvent(history.size() + 1L, clock.instant(), type, state, detail));
    }
}
