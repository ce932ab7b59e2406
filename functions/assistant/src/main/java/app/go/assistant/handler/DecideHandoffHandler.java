package app.go.assistant.handler;

import app.go.domain.assistant.SellerHandoff;
import app.go.shared.log.Log;
import app.go.shared.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The handoff workflow's first step (PA-BEH-3): is the seller needed? Returns
 * {@code {handoff, followUpAfterSeconds, reasons}}, which the state machine keeps at {@code $.decision}.
 */
public final class DecideHandoffHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Log LOG = Log.get(DecideHandoffHandler.class);

    private final SellerHandoff handoff;

    public DecideHandoffHandler() {
        this(Adapters.fromEnvironment());
    }

    public DecideHandoffHandler(Adapters adapters) {
        this(HandoffWiring.sellerHandoff(adapters, false));
    }

    public DecideHandoffHandler(SellerHandoff handoff) {
        this.handoff = handoff;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Log.clearContext();
        Log.put("requestId", context == null ? null : context.getAwsRequestId());
        HandoffInput step = HandoffInput.from(input);
        Log.put("sellerId", step.sellerId());
        SellerHandoff.Decision decision = handoff.decide(step.sellerId(), step.conversationId(), step.messageId(), step.reasons());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("handoff", decision.handoff());
        result.put("followUpAfterSeconds", decision.followUpAfterSeconds());
        result.put("reasons", decision.reasons());
        LOG.info("handoff step done", "step", "DecideHandoff", "handoff", decision.handoff());
        return result;
    }
}
