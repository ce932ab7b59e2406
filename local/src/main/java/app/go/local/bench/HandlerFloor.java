package app.go.local.bench;

import app.go.domain.conversation.InboundMessage;
import app.go.local.GoLocal;
import app.go.shared.json.Json;
import app.go.shared.topology.SystemTopology;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Part (d): the warm floor of the message path. The same OnMessageHandler, warm in the local Lambda
 * runtime, invoked in-process one record at a time, with no SQS poller and no HTTP in between: what is
 * left is the handler's own work (its DynamoDB calls and the offline model). The client messages are
 * prepared as in part (a): posted while the sellers' assistants are INACTIVE (the poller refuses them
 * and claims nothing), then the assistants are activated and each message is handed to the handler.
 */
final class HandlerFloor {
    /** Latencies of the successful invocations and how many invocations reported a failed record or threw. */
    record Result(int attempted, List<Double> latenciesMs, int failures) {}

    private record Prepared(String sellerId, String conversationId, String messageId) {}

    private final GoLocal local;
    private final BenchHttp api;

    HandlerFloor(GoLocal local, BenchHttp api) {
        this.local = local;
        this.api = api;
    }

    Result run(String label, int count) throws InterruptedException {
        int sellerCount = (count + WarmPath.MAX_CONVERSATIONS_PER_SELLER - 1) / WarmPath.MAX_CONVERSATIONS_PER_SELLER;
        String platform = local.tokens().mint("bench-platform", "platform");
        List<String> sellerTokens = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (int s = 0; s < sellerCount; s++) {
            String seller = "bench-" + label + "-seller-" + s;
            String sellerToken = local.tokens().mint(seller, "seller");
            api.setUpSeller(seller, platform, sellerToken);
            sellerTokens.add(sellerToken);
        }
        for (int i = 0; i < count; i++) {
            String seller = "bench-" + label + "-seller-" + (i % sellerCount);
            String token = local.tokens().mint("bench-" + label + "-client-" + i, "client");
            String conversationId = BenchHttp.expect(201, api.startConversation(seller, token)).json().get("conversationId").asText();
            String messageId = BenchHttp.messages(api.get("/conversations/" + conversationId + "/messages", token)).get(0).get("id").asText();
            prepared.add(new Prepared(seller, conversationId, messageId));
        }
        ColdStart.awaitInboundQueueDrained(local);
        sellerTokens.forEach(api::activate);

        List<Double> latencies = new ArrayList<>();
        int failures = 0;
        for (Prepared p : prepared) {
            SQSEvent event = ColdStartProbe.event(Json.write(new InboundMessage(p.sellerId(), p.conversationId(), p.messageId())),
                    p.conversationId());
            long started = System.nanoTime();
            try {
                SQSBatchResponse response = local.lambda().invoke(SystemTopology.ON_MESSAGE, event, SQSBatchResponse.class);
                double elapsedMs = (System.nanoTime() - started) / 1e6;
                if (response != null && response.getBatchItemFailures() != null && !response.getBatchItemFailures().isEmpty()) {
                    failures++;
                } else {
                    latencies.add(elapsedMs);
                }
            } catch (RuntimeException e) {
                failures++;
            }
        }
        return new Result(count, List.copyOf(latencies), failures);
    }
}
