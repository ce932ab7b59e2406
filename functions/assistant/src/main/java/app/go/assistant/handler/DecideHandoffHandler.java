package app.go.assistant.handler;

import app.go.domain.assistant.SellerHandoff;
import app.go.wiring.Adapters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The handoff workflow's first step (PA-BEH-3): is the seller needed? Returns
 * {@code {handoff, followUpAfterSeconds, reasons}}, which the state machine keeps at {@code $.decision}.
 */
public final class DecideHandoffHandler extends HandoffStepHandler {
    public DecideHandoffHandler() {
        this(Adapters.fromEnvironment());
    }

    public DecideHandoffHandler(Adapters adapters) {
        this(HandoffWiring.sellerHandoff(adapters));
    }

    public DecideHandoffHandler(SellerHandoff handoff) {
        super("DecideHandoff", "handoff", handoff);
    }

    @Override
    Map<String, Object> run(HandoffInput step) {
        SellerHandoff.Decision decision = handoff.decide(step.sellerId(), step.conversationId(), step.messageId(), step.reasons());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("handoff", decision.handoff());
        result.put("followUpAfterSeconds", decision.followUpAfterSeconds());
        result.put("reasons", decision.reasons());
        return result;
    }
}
