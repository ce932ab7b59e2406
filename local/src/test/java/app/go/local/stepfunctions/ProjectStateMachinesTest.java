package app.go.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.go.domain.creation.AssetValidationFailedException;
import app.go.domain.creation.Model;
import app.go.domain.creation.StaleTrainingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The project's own statemachines/*.asl.json files, run against fake functions. */
class ProjectStateMachinesTest {
    private static final Path STATE_MACHINES = Path.of("..", "statemachines");
    private static final Duration AWAIT = Duration.ofSeconds(5);
    private static final String DECIDE = "arn:aws:lambda:us-east-1:000000000000:function:decide-handoff";
    private static final String SUMMARIZE = "arn:aws:lambda:us-east-1:000000000000:function:summarize";
    private static final String FOLLOW_UP = "arn:aws:lambda:us-east-1:000000000000:function:send-follow-up";
    private static final String TRAIN = "arn:aws:lambda:us-east-1:000000000000:function:train-model";

    private final VirtualTime time = new VirtualTime();
    private final FakeTaskInvoker invoker = new FakeTaskInvoker(time);
    private final LocalStepFunctions sfn = new LocalStepFunctions(invoker, time, time);

    @AfterEach
    void close() {
        sfn.close();
    }

    private static StateMachineDefinition load(String file, Map<String, String> substitutions) throws Exception {
        return StateMachineDefinition.parse(Files.readString(STATE_MACHINES.resolve(file)), substitutions);
    }

    @Test
    @DisplayName("handoff.asl.json: a decision to hand off summarizes, waits followUpAfterSeconds, then sends the follow-up")
    void handoffFollowsUpAfterTheWait() throws Exception {
        String machine = sfn.register("handoff", load("handoff.asl.json", Map.of(
                "DecideHandoffFunctionArn", DECIDE, "SummarizeFunctionArn", SUMMARIZE, "SendFollowUpFunctionArn", FOLLOW_UP)));
        invoker.returning(DECIDE, "{\"handoff\": true, \"followUpAfterSeconds\": 3600}")
                .returning(SUMMARIZE, "{\"text\": \"client wants a refund\"}")
                .returning(FOLLOW_UP, "{\"sent\": true}");

        String execution = sfn.startExecution(machine, "conv-1-msg-9", "{\"sellerId\": \"s1\", \"conversationId\": \"c1\"}")
                .executionArn();
        ExecutionDescription done = sfn.awaitCompletion(execution, AWAIT);

        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), () -> done.error() + " " + done.cause());
        JsonNode output = Json.parse(done.output());
        assertEquals("c1", output.get("conversationId").asText());
        assertEquals(true, output.at("/decision/handoff").asBoolean());
        assertEquals("client wants a refund", output.at("/summary/text").asText());
        assertEquals(true, output.at("/followUp/sent").asBoolean());
        FakeTaskInvoker.Call followUp = invoker.calls(FOLLOW_UP).get(0);
        assertEquals(invoker.calls(SUMMARIZE).get(0).at().plusSeconds(3600), followUp.at(), "sent after the Wait");
        assertEquals(Duration.ofSeconds(15), followUp.timeout());
    }

    @Test
    @DisplayName("handoff.asl.json: a decision not to hand off ends in NoHandoff without summarizing")
    void handoffNotNeeded() throws Exception {
        String machine = sfn.register("handoff", load("handoff.asl.json", Map.of(
                "DecideHandoffFunctionArn", DECIDE, "SummarizeFunctionArn", SUMMARIZE, "SendFollowUpFunctionArn", FOLLOW_UP)));
        invoker.returning(DECIDE, "{\"handoff\": false}");
        ExecutionDescription done = sfn.awaitCompletion(sfn.startExecution(machine, null, "{}").executionArn(), AWAIT);
        assertEquals(ExecutionStatus.SUCCEEDED, done.status());
        assertEquals(List.of(), invoker.calls(SUMMARIZE));
    }

    @Test
    @DisplayName("CM-TRN-1 training.asl.json: Train failing through all its retries goes to MarkFailed, and the execution FAILS with TrainingFailed")
    void trainingFailureIsMarked() throws Exception {
        String machine = sfn.register("training", load("training.asl.json", Map.of("TrainModelFunctionArn", TRAIN)));
        invoker.on(TRAIN, (input, n) -> {
            if (input.get("step").asText().equals("TRAIN")) {
                throw new TaskFailedException("app.go.creation.TrainingException", "GPU on fire");
            }
            return Json.parse("{\"ok\": true}");
        });

        String execution = sfn.startExecution(machine, "train-m1",
                "{\"sellerId\": \"s1\", \"modelId\": \"m1\", \"trainingId\": \"t1\"}").executionArn();
        ExecutionDescription done = sfn.awaitCompletion(execution, AWAIT);

        assertEquals(ExecutionStatus.FAILED, done.status());
        assertEquals("TrainingFailed", done.error());
        List<String> steps = invoker.calls(TRAIN).stream().map(call -> call.input().get("step").asText()).toList();
        assertEquals(List.of("VALIDATE", "TRAIN", "TRAIN", "TRAIN", "TRAIN", "FAIL"), steps, "Train tried 1 + 3 retries");
        JsonNode markFailed = invoker.calls(TRAIN).get(5).input();
        assertEquals(Json.parse("""
                {"step": "FAIL", "sellerId": "s1", "modelId": "m1", "trainingId": "t1",
                 "error": {"Error": "app.go.creation.TrainingException", "Cause": "GPU on fire"}}"""), markFailed);
        List<FakeTaskInvoker.Call> trains = invoker.calls(TRAIN).subList(1, 5);
        assertEquals(Duration.ofSeconds(5 + 10 + 20), Duration.between(trains.get(0).at(), trains.get(3).at()),
                "backoff 5s, 10s, 20s");
    }

    private static final String TRAINING_INPUT = "{\"sellerId\": \"s1\", \"modelId\": \"m1\", \"trainingId\": \"t1\"}";

    private ExecutionDescription runTraining(FakeTaskInvoker.Behaviour behaviour) throws Exception {
        String machine = sfn.register("training", load("training.asl.json", Map.of("TrainModelFunctionArn", TRAIN)));
        invoker.on(TRAIN, behaviour);
        return sfn.awaitCompletion(sfn.startExecution(machine, "train-m1", TRAINING_INPUT).executionArn(), AWAIT);
    }

    private List<String> trainingSteps() {
        return invoker.calls(TRAIN).stream().map(call -> call.input().get("step").asText()).toList();
    }

    /** The error a Java handler's exception becomes: its fully-qualified class name, as AWS Lambda reports it. */
    private static TaskFailedException thrown(Class<? extends Exception> type, String message) {
        return new TaskFailedException(type.getName(), message);
    }

    @Test
    @DisplayName("CM-TRN-1 training.asl.json: an asset validation failure in ValidateAssets goes straight to MarkFailed, without a retry")
    void validationFailureIsNotRetried() throws Exception {
        ExecutionDescription done = runTraining((input, n) -> {
            if (input.get("step").asText().equals("VALIDATE")) {
                throw thrown(AssetValidationFailedException.class, "a1: AUDIO asset in a IMAGE subcategory");
            }
            return Json.parse("{\"ok\": true}");
        });

        assertEquals(ExecutionStatus.FAILED, done.status());
        assertEquals("TrainingFailed", done.error());
        assertEquals(List.of("VALIDATE", "FAIL"), trainingSteps());
        assertEquals(AssetValidationFailedException.class.getName(),
                invoker.calls(TRAIN).get(1).input().at("/error/Error").asText());
    }

    @Test
    @DisplayName("CM-TRN-1 training.asl.json: an asset validation failure in Train is not retried either (no ~35 s of backoff)")
    void validationFailureInTrainIsNotRetried() throws Exception {
        ExecutionDescription done = runTraining((input, n) -> {
            if (input.get("step").asText().equals("TRAIN")) {
                throw thrown(AssetValidationFailedException.class, "a1: content not found");
            }
            return Json.parse("{\"ok\": true}");
        });

        assertEquals(ExecutionStatus.FAILED, done.status());
        assertEquals(List.of("VALIDATE", "TRAIN", "FAIL"), trainingSteps());
        assertEquals(invoker.calls(TRAIN).get(1).at(), invoker.calls(TRAIN).get(2).at(), "no backoff");
    }

    @Test
    @DisplayName("CM-TRN-1 training.asl.json: a stale training's FINISH is not retried and goes to MarkFailed")
    void staleTrainingIsNotRetried() throws Exception {
        ExecutionDescription done = runTraining((input, n) -> {
            if (input.get("step").asText().equals("FINISH")) {
                throw thrown(StaleTrainingException.class, "training t1 of model m1 is not current");
            }
            return Json.parse("{\"ok\": true}");
        });

        assertEquals(ExecutionStatus.FAILED, done.status());
        assertEquals(List.of("VALIDATE", "TRAIN", "FINISH", "FAIL"), trainingSteps());
    }

    @Test
    @DisplayName("CM-TRN-1 training.asl.json: a Lambda throttle in ValidateAssets is retried with backoff and the training succeeds")
    void throttleIsRetried() throws Exception {
        ExecutionDescription done = runTraining((input, n) -> {
            if (input.get("step").asText().equals("VALIDATE") && n <= 2) {
                throw new TaskFailedException("Lambda.TooManyRequestsException", "Rate Exceeded.");
            }
            return Json.parse("{\"ok\": true}");
        });

        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), () -> done.error() + " " + done.cause());
        assertEquals(List.of("VALIDATE", "VALIDATE", "VALIDATE", "TRAIN", "FINISH"), trainingSteps());
        List<FakeTaskInvoker.Call> calls = invoker.calls(TRAIN);
        assertEquals(Duration.ofSeconds(2), Duration.between(calls.get(0).at(), calls.get(1).at()));
        assertEquals(Duration.ofSeconds(4), Duration.between(calls.get(1).at(), calls.get(2).at()));
    }

    @Test
    @DisplayName("CM-TRN-1 training.asl.json: a Lambda service error in MarkFailed is retried, so the model does not stay TRAINING")
    void markFailedServiceErrorIsRetried() throws Exception {
        ExecutionDescription done = runTraining((input, n) -> {
            String step = input.get("step").asText();
            if (step.equals("TRAIN")) {
                throw thrown(AssetValidationFailedException.class, "a1: content not found");
            }
            if (step.equals("FAIL") && n == 3) {
                throw new TaskFailedException("Lambda.ServiceException", "Lambda is unavailable");
            }
            return Json.parse("{\"ok\": true}");
        });

        assertEquals(ExecutionStatus.FAILED, done.status());
        assertEquals(List.of("VALIDATE", "TRAIN", "FAIL", "FAIL"), trainingSteps());
        assertEquals(Duration.ofSeconds(1), Duration.between(invoker.calls(TRAIN).get(2).at(), invoker.calls(TRAIN).get(3).at()));
    }

    @Test
    @DisplayName("CM-TRN-1 the longest run training.asl.json allows (every attempt of every Task timing out, plus backoff) is shorter than Model.TRAINING_STALE_AFTER")
    void longestRunIsUnderTheStalenessBound() throws Exception {
        JsonNode states = Json.parse(Files.readString(STATE_MACHINES.resolve("training.asl.json"))).get("States");
        double seconds = 0;
        for (JsonNode state : states) {
            if (!"Task".equals(state.path("Type").asText())) {
                continue;
            }
            int attempts = 1;
            for (JsonNode retrier : state.get("Retry")) {
                int max = retrier.path("MaxAttempts").asInt(3);
                attempts += max;
                for (int k = 0; k < max; k++) {
                    double delay = retrier.path("IntervalSeconds").asDouble(1) * Math.pow(retrier.path("BackoffRate").asDouble(2.0), k);
                    seconds += retrier.has("MaxDelaySeconds") ? Math.min(delay, retrier.get("MaxDelaySeconds").asDouble()) : delay;
                }
            }
            seconds += attempts * state.get("TimeoutSeconds").asDouble();
        }
        double longest = seconds;
        assertEquals(1023, longest, 0.001, "4 x (60 + 120 + 30 + 30) s of attempts plus 14 + 35 + 7 + 7 s of backoff");
        assertTrue(Duration.ofMillis(Math.round(longest * 1000)).compareTo(Model.TRAINING_STALE_AFTER) < 0,
                () -> "the bound must exceed the longest run, " + longest + " s");
    }
}
