package app.go.assistant.handler;

import app.go.domain.assistant.SellerHandoff;
import app.go.support.log.Log;
import app.go.wiring.lambda.Invocation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/**
 * What every step of the handoff state machine does around its own work: the log context, the
 * step's input ({@link HandoffInput}) and one log line with the result field that matters.
 */
public abstract class HandoffStepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Log log = Log.get(getClass());
    private final String step;
    private final String loggedField;
    protected final SellerHandoff handoff;

    /**
     * @param step        the step's name in the log line
     * @param loggedField the result field the log line carries
     */
    HandoffStepHandler(String step, String loggedField, SellerHandoff handoff) {
        this.step = step;
        this.loggedField = loggedField;
        this.handoff = handoff;
    }

    @Override
    public final Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Invocation.begin(context);
        HandoffInput stepInput = HandoffInput.from(input);
        Log.put("sellerId", stepInput.sellerId());
        Map<String, Object> result = run(stepInput);
        log.info("handoff step done", "step", step, loggedField, result.get(loggedField));
        return result;
    }

    /** The step's own work; returns the state's output, in field order. */
    abstract Map<String, Object> run(HandoffInput input);
}
