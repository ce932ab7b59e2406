package app.go.assistant.handler;

import app.go.adapter.aws.sqs.SqsMessageQueue;
import app.go.domain.conversation.OutboxRelay;
import app.go.wiring.Adapters;
import app.go.wiring.lambda.Invocation;
import app.go.wiring.topology.SystemTopology;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/** The outbox schedule's target: sends client messages whose queue send failed; returns {@code {"relayed", "failed"}}. */
public final class RelayOutboxHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final OutboxRelay relay;

    public RelayOutboxHandler() {
        this(Adapters.fromEnvironment());
    }

    public RelayOutboxHandler(Adapters adapters) {
        this(new OutboxRelay(adapters.conversations(),
                new SqsMessageQueue(adapters.sqs(), adapters.env().require(SystemTopology.INBOUND_MESSAGES.envVar())),
                adapters.clock()));
    }

    public RelayOutboxHandler(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Invocation.begin(context);
        OutboxRelay.Result result = relay.relay();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("relayed", result.relayed());
        view.put("failed", result.failed());
        return view;
    }
}
