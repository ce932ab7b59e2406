package app.go.assistant.handler;

import app.go.domain.assistant.SellerHandoff;
import app.go.wiring.Adapters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The handoff workflow's last step, after the wait (PA-BEH-6): tells the client the seller was
 * notified unless the seller has joined, at most once. Returns {@code {sent, reason}}.
 */
public final class SendFollowUpHandler extends HandoffStepHandler {
    public SendFollowUpHandler() {
        this(Adapters.fromEnvironment());
    }

    public SendFollowUpHandler(Adapters adapters) {
        this(HandoffWiring.sellerHandoff(adapters));
    }

    public SendFollowUpHandler(SellerHandoff handoff) {
        super("SendFollowUp", "sent", handoff);
    }

    @Override
    Map<String, Object> run(HandoffInput step) {
        SellerHandoff.FollowUp followUp = handoff.followUp(step.sellerId(), step.conversationId(), step.messageId());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sent", followUp.sent());
        result.put("reason", followUp.reason());
        return result;
    }
}
