package app.go.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StopExecutionResponse;

class StepFunctionsHttpEndpointTest {
    private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:greet";

    private final VirtualTime time = new VirtualTime();
    private final FakeTaskInvoker invoker = new FakeTaskInvoker(time);
    private LocalStepFunctions service;
    private StepFunctionsHttpEndpoint endpoint;
    private SfnClient sfn;
    private String machineArn;

    @BeforeEach
    void start() throws Exception {
        service = new LocalStepFunctions(invoker, time, time);
        machineArn = service.register("greeter", StateMachineDefinition.parse("""
                {"StartAt": "Greet", "States": {
                  "Greet": {"Type": "Task", "Resource": "%s", "ResultPath": "$.greeting", "Next": "Pause"},
                  "Pause": {"Type": "Wait", "Seconds": 3600, "End": true}}}""".formatted(FN)));
        invoker.on(FN, (input, n) -> Json.parse("\"hello " + input.get("who").asText() + "\""));
        endpoint = StepFunctionsHttpEndpoint.start(service, 0);
        sfn = SfnClient.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        endpoint.close();
        service.close();
    }

    @Test
    @DisplayName("The AWS SDK's SfnClient starts an execution, polls DescribeExecution until SUCCEEDED and reads the output")
    void sdkRoundTrip() throws Exception {
        StartExecutionResponse started = sfn.startExecution(r -> r.stateMachineArn(machineArn).name("hi-ann")
                .input("{\"who\": \"ann\"}"));
        assertEquals(LocalStepFunctions.executionArn("greeter", "hi-ann"), started.executionArn());
        assertEquals(VirtualTime.START, started.startDate());

        DescribeExecutionResponse described = pollUntilDone(started.executionArn());
        assertEquals(ExecutionStatus.SUCCEEDED, described.status());
        assertEquals("{\"who\":\"ann\",\"greeting\":\"hello ann\"}", described.output());
        assertEquals("{\"who\": \"ann\"}", described.input());
        assertEquals(machineArn, described.stateMachineArn());
        assertEquals("hi-ann", described.name());
        assertEquals(VirtualTime.START.plusSeconds(3600), described.stopDate());

        assertEquals(List.of("hi-ann"), sfn.listExecutions(r -> r.stateMachineArn(machineArn)
                .statusFilter(ExecutionStatus.SUCCEEDED)).executions().stream().map(e -> e.name()).toList());
        assertEquals(List.of(machineArn), sfn.listStateMachines(r -> { }).stateMachines().stream()
                .map(m -> m.stateMachineArn()).toList());
    }

    @Test
    @DisplayName("An unknown state machine ARN gives the SDK's StateMachineDoesNotExistException")
    void unknownStateMachine() {
        StateMachineDoesNotExistException error = assertThrows(StateMachineDoesNotExistException.class,
                () -> sfn.startExecution(r -> r.stateMachineArn(LocalStepFunctions.stateMachineArn("nope")).input("{}")));
        assertEquals("StateMachineDoesNotExist", error.awsErrorDetails().errorCode());
        assertEquals(400, error.statusCode());
        assertThrows(ExecutionDoesNotExistException.class,
                () -> sfn.describeExecution(r -> r.executionArn(LocalStepFunctions.executionArn("greeter", "nope"))));
        SfnException invalidArn = assertThrows(SfnException.class, () -> sfn.describeExecution(r -> r.executionArn("bogus")));
        assertEquals("InvalidArn", invalidArn.awsErrorDetails().errorCode());
    }

    @Test
    @DisplayName("Reusing a finished execution's name is ExecutionAlreadyExistsException; StopExecution of a running one gives ABORTED")
    void alreadyExistsAndStop() throws Exception {
        invoker.on(FN, (input, n) -> {
            Thread.sleep(10_000);
            return input;
        });
        String arn = sfn.startExecution(r -> r.stateMachineArn(machineArn).name("long").input("{}")).executionArn();
        assertThrows(ExecutionAlreadyExistsException.class,
                () -> sfn.startExecution(r -> r.stateMachineArn(machineArn).name("long").input("{\"other\": 1}")));

        StopExecutionResponse stopped = sfn.stopExecution(r -> r.executionArn(arn).error("Cancelled").cause("test"));
        assertNotNull(stopped.stopDate());
        DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(arn));
        assertEquals(ExecutionStatus.ABORTED, described.status());
        assertEquals("Cancelled", described.error());
        assertEquals("test", described.cause());
    }

    private DescribeExecutionResponse pollUntilDone(String executionArn) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
                assertTrue(described.startDate().isBefore(Instant.MAX));
                return described;
            }
            Thread.sleep(10);
        }
    }
}
