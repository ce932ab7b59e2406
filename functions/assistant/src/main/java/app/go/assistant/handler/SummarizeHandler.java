package app.go.assistant.handler;

import app.go.domain.assistant.SellerHandoff;
import app.go.shared.log.Log;
import app.go.shared.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The handoff workflow's second step (PA-BEH-4, PA-BEH-5): writes the summary, hands the
 * conversation to the seller and notifies them once. Returns {@code {summaryWritten, notificationId}}.
 */
public final class SummarizeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Log LOG = Log.get(SummarizeHandler.class);

    private final SellerHandoff handoff;

    public SummarizeHandler() {
        this(Adapters.fromEnvironment());
    }

    public SummarizeHandler(Adapters adapters) {
        this(HandoffWiring.sellerHandoff(adapters, false));
    }

    public SummarizeHandler(SellerHandoff handoff) {
        this.handoff = handoff;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Log.clearContext();
        Log.put("requestId", context == null ? null : context.getAwsRequestId());
        HandoffInput step = HandoffInput.from(input);
        Log.put("sellerId", step.sellerId());
        SellerHandoff.Summary summary = handoff.summarize(step.sellerId(), step.conversationId(), step.messageId(), step.reasons());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("summaryWritten", summary.summaryWritten());
        result.put("notificationId", summary.notificationId());
        LOG.info("handoff step done", "step", "Summarize", "notificationId", summary.notificationId());
        return result;
    }
}
