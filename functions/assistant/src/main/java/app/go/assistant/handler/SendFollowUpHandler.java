package app.go.assistant.handler;

import app.go.domain.assistant.SellerHandoff;
import app.go.shared.log.Log;
import app.go.shared.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The handoff workflow's last step, after the wait (PA-BEH-6): tells the client the seller was
 * notified unless the seller has joined, at most once. Returns {@code {sent, reason}}.
 */
public final class SendFollowUpHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Log LOG = Log.get(SendFollowUpHandler.class);

    private final SellerHandoff handoff;

    public SendFollowUpHandler() {
        this(Adapters.fromEnvironment());
    }

    public SendFollowUpHandler(Adapters adapters) {
        this(HandoffWiring.sellerHandoff(adapters, true));
    }

    public SendFollowUpHandler(SellerHandoff handoff) {
        this.handoff = handoff;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Log.clearContext();
        Log.put("requestId", context == null ? null : context.getAwsRequestId());
        HandoffInput step = HandoffInput.from(input);
        Log.put("sellerId", step.sellerId());
        SellerHandoff.FollowUp followUp = handoff.followUp(step.sellerId(), step.conversationId(), step.messageId());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sent", followUp.sent());
        result.put("reason", followUp.reason());
        LOG.info("handoff step done", "step", "SendFollowUp", "sent", followUp.sent());
        return result;
    }
}
