package app.go.assistant.handler;

import app.go.domain.assistant.SellerHandoff;
import app.go.wiring.Adapters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The follow-up step of the handoff and follow-up workflows, after the wait (PA-BEH-6): the input's
 * {@code followUpCase} (SELLER_NOT_JOINED when absent, the handoff's) says which follow-up; at most one per case. Returns {@code {sent, reason}}.
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
        SellerHandoff.FollowUp followUp = handoff.followUp(step.sellerId(), step.conversationId(), step.messageId(), step.followUpCase());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sent", followUp.sent());
        result.put("reason", followUp.reason());
        return result;
    }
}
