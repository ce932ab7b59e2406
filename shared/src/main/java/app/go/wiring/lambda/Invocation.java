package app.go.wiring.lambda;

import app.go.support.log.Log;
import com.amazonaws.services.lambda.runtime.Context;

/** The log context of one handler invocation (or of one SQS record): starts clean, keyed by the request id. */
public final class Invocation {
    private Invocation() {}

    public static void begin(Context context) {
        Log.clearContext();
        Log.put("requestId", context == null ? null : context.getAwsRequestId());
    }
}
