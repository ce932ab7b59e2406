package app.go.local.bench;

import app.go.assistant.handler.OnMessageHandler;
import app.go.assistant.handler.OnMessagePriming;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Child-JVM main for the handler's cold start: runs on assistant.jar plus the probe classes only.
 * Constructs {@code new OnMessageHandler()} from the process environment, hands it one SQS record
 * and prints a {@link ProbeLine}. Arguments: the record's body (InboundMessage JSON), its message
 * group id (the conversation id) and, optionally, {@code primed}: then {@link OnMessagePriming#prime()}
 * runs between construction and the invocation, timed apart (SnapStart runs it before its snapshot).
 */
public final class ColdStartProbe {
    /** The optional third argument that primes before the invocation. */
    static final String PRIMED = "primed";

    private ColdStartProbe() {}

    public static void main(String[] args) {
        long mainWallMs = System.currentTimeMillis();
        SQSEvent event = event(args[0], args[1]);
        boolean primed = args.length > 2 && PRIMED.equals(args[2]);

        long constructStart = System.nanoTime();
        OnMessageHandler handler = new OnMessageHandler();
        long constructEnd = System.nanoTime();
        // the same Adapters singleton the handler was built on, so the same SDK clients
        boolean primeOk = !primed || new OnMessagePriming(Adapters.fromEnvironment()).prime();
        long invokeStart = System.nanoTime();
        SQSBatchResponse response = handler.handleRequest(event, new ProbeContext());
        long invokeEnd = System.nanoTime();
        long endWallMs = System.currentTimeMillis();

        boolean ok = primeOk && (response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty());
        // asked last so that loading the management classes is not part of any figure
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(primed
                ? ProbeLine.format("handler+primed", mainWallMs - jvmStartMs, constructEnd - constructStart,
                        invokeStart - constructEnd, invokeEnd - invokeStart, endWallMs - jvmStartMs, ok)
                : ProbeLine.format("handler", mainWallMs - jvmStartMs, constructEnd - constructStart,
                        invokeEnd - invokeStart, endWallMs - jvmStartMs, ok));
        System.out.flush();
        System.exit(ok ? 0 : 1);
    }

    /** One inbound record as the FIFO event source delivers it; also used by the in-process floor (d). */
    static SQSEvent event(String body, String groupId) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(UUID.randomUUID().toString());
        record.setReceiptHandle("probe-" + record.getMessageId());
        record.setBody(body);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:inbound-messages.fifo");
        record.setAwsRegion("us-east-1");
        record.setAttributes(Map.of(
                "MessageGroupId", groupId,
                "MessageDeduplicationId", record.getMessageId(),
                "ApproximateReceiveCount", "1",
                "SentTimestamp", Long.toString(System.currentTimeMillis()),
                "ApproximateFirstReceiveTimestamp", Long.toString(System.currentTimeMillis())));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }

    /** The least a Context can be: an id, a name and time left. */
    static final class ProbeContext implements Context {
        private final String requestId = UUID.randomUUID().toString();

        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/on-message"; }
        @Override public String getLogStreamName() { return "cold-start-probe"; }
        @Override public String getFunctionName() { return "on-message"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:on-message"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() { return null; }
    }
}
