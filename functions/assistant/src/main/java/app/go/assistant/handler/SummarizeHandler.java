package app.go.assistant.handler;

import app.go.domain.assistant.SellerHandoff;
import app.go.wiring.Adapters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The handoff workflow's second step (PA-BEH-4, PA-BEH-5): writes the summary, hands the
 * conversation to the seller and notifies them once. Returns {@code {summaryWritten, notificationId}}.
 */
public final class SummarizeHandler extends HandoffStepHandler {
    public SummarizeHandler() {
        this(Adapters.fromEnvironment());
    }

    public SummarizeHandler(Adapters adapters) {
        this(HandoffWiring.sellerHandoff(adapters));
    }

    public SummarizeHandler(SellerHandoff handoff) {
        super("Summarize", "notificationId", handoff);
    }

    @Override
    Map<String, Object> run(HandoffInput step) {
        SellerHandoff.Summary summary = handoff.summarize(step.sellerId(), step.conversationId(), step.messageId(), step.reasons());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("summaryWritten", summary.summaryWritten());
        result.put("notificationId", summary.notificationId());
        return result;
    }
}
