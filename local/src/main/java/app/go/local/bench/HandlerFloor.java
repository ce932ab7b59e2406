package app.go.local.bench;

import app.go.domain.conversation.InboundMessage;
import app.go.local.GoLocal;
import app.go.support.json.Json;
import app.go.wiring.topology.SystemTopology;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Part (d): the warm floor of the message path. The same OnMessageHandler, warm in the local Lambda
 * runtime, invoked in-process with one record per invocation, with no SQS poller and no HTTP in between:
 * what is left is the handler's own work (its DynamoDB calls and the offline model). First one
 * invocation at a time, then from as many threads as the poller runs batches, which shows how far
 * concurrent batches can help on this machine. The client messages are prepared as in part (a): posted
 * while the sellers' assistants are INACTIVE (the poller refuses them and claims nothing), then the
 * assistants are activated and each message is handed to the handler.
 */
final class HandlerFloor {
    /** Latencies of the successful invocations, how many reported a failed record or threw, and the phase's span. */
    record Phase(int attempted, List<Double> latenciesMs, int failures, double spanSeconds) {
        double perSecond() {
            return latenciesMs.size() / spanSeconds;
        }
    }

    record Result(Phase sequential, Phase concurrent, int threads) {}

    private record Prepared(String sellerId, String conversationId, String messageId) {}

    private final GoLocal local;
    private final BenchHttp api;

    HandlerFloor(GoLocal local, BenchHttp api) {
        this.local = local;
        this.api = api;
    }

    /** {@code count} invocations one after the other, then {@code count} more from {@code threads} threads. */
    Result run(String label, int count, int threads) throws InterruptedException {
        List<Prepared> prepared = prepare(label, 2 * count);
        Phase sequential = invokeAll(prepared.subList(0, count), 1);
        Phase concurrent = invokeAll(prepared.subList(count, 2 * count), threads);
        return new Result(sequential, concurrent, threads);
    }

    private List<Prepared> prepare(String label, int count) throws InterruptedException {
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
        return prepared;
    }

    private Phase invokeAll(List<Prepared> prepared, int threads) throws InterruptedException {
        Queue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            prepared.forEach(p -> pool.execute(() -> invoke(p, latencies, failures)));
            pool.shutdown();
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the handler floor did not finish within 5 minutes");
            }
        } finally {
            pool.shutdownNow();
        }
        double span = (System.nanoTime() - started) / 1e9;
        return new Phase(prepared.size(), List.copyOf(latencies), failures.get(), span);
    }

    private void invoke(Prepared p, Queue<Double> latencies, AtomicInteger failures) {
        SQSEvent event = ColdStartProbe.event(Json.write(new InboundMessage(p.sellerId(), p.conversationId(), p.messageId())),
                p.conversationId());
        long started = System.nanoTime();
        try {
            SQSBatchResponse response = local.lambda().invoke(SystemTopology.ON_MESSAGE, event, SQSBatchResponse.class);
            double elapsedMs = (System.nanoTime() - started) / 1e6;
            if (response != null && response.getBatchItemFailures() != null && !response.getBatchItemFailures().isEmpty()) {
                failures.incrementAndGet();
            } else {
                latencies.add(elapsedMs);
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
        }
    }
}
