package app.go.local.lambda;

import app.go.local.aws.LocalAws;
import app.go.wiring.topology.FunctionSpec;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The {@link Context} of one local invocation: a fresh request id and a clock running down from the function's timeout. */
public final class LocalContext implements Context {
    private static final LambdaLogger STDOUT = new StdoutLogger();

    private final FunctionSpec function;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadlineNanos;

    /** @param deadlineNanos the {@link System#nanoTime()} at which the invocation times out */
    public LocalContext(FunctionSpec function, long deadlineNanos) {
        this.function = function;
        this.deadlineNanos = deadlineNanos;
    }

    /** A context whose clock starts now. */
    public static LocalContext startingNow(FunctionSpec function) {
        return new LocalContext(function, System.nanoTime() + function.timeout().toNanos());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.id();
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + function.id();
    }

    @Override
    public String getFunctionName() {
        return function.id();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return LocalAws.functionArn(function.id());
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return STDOUT;
    }

    /** Writes each message as a line on stdout (looked up per call, so a redirected {@code System.out} is honoured). */
    private static final class StdoutLogger implements LambdaLogger {
        @Override
        public void log(String message) {
            String line = message == null ? "null" : message;
            System.out.print(line.endsWith("\n") ? line : line + "\n");
            System.out.flush();
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
