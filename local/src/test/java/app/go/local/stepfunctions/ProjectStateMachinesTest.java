package app.go.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    @DisplayName("training.asl.json: Train failing through all its retries goes to MarkFailed, and the execution FAILS with TrainingFailed")
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
}
