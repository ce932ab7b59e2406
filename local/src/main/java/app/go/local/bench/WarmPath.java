package app.go.local.bench;

import app.go.local.GoLocal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parts (b) and (c): the warm message path through the running system (POST /conversations until
 * the assistant's reply is visible) and, as its floor, bare GET /health round trips, both from the
 * same pool of concurrent HTTP clients.
 */
final class WarmPath {
    static final int MAX_CONVERSATIONS_PER_SELLER = 40; // under the assistant's 50 replies per seller per day
    private static final long POLL_MILLIS = 5;
    private static final long REPLY_TIMEOUT_NANOS = 30_000_000_000L;

    /** Latencies of the successful operations, errors, and the span from the first send to the last completion. */
    record Result(int attempted, List<Double> latenciesMs, int errors, List<String> errorSamples, double spanSeconds) {
        double perSecond() {
            return latenciesMs.size() / spanSeconds;
        }
    }

    private final GoLocal local;
    private final BenchHttp api;
    private final int threads;

    WarmPath(GoLocal local, BenchHttp api, int threads) {
        this.local = local;
        this.api = api;
        this.threads = threads;
    }

    /** {@code count} first messages from distinct clients to fresh, active sellers named after {@code label}. */
    Result messages(String label, int count) throws InterruptedException {
        int sellerCount = (count + MAX_CONVERSATIONS_PER_SELLER - 1) / MAX_CONVERSATIONS_PER_SELLER;
        List<String> sellers = new ArrayList<>();
        String platform = local.tokens().mint("bench-platform", "platform");
        for (int s = 0; s < sellerCount; s++) {
            String seller = "bench-" + label + "-seller-" + s;
            String sellerToken = local.tokens().mint(seller, "seller");
            api.setUpSeller(seller, platform, sellerToken);
            api.activate(sellerToken);
            sellers.add(seller);
        }
        List<Runnable> tasks = new ArrayList<>();
        Collector collector = new Collector();
        for (int i = 0; i < count; i++) {
            String seller = sellers.get(i % sellerCount);
            String token = local.tokens().mint("bench-" + label + "-client-" + i, "client");
            tasks.add(() -> collector.measure(() -> messageUntilReply(seller, token)));
        }
        return collector.run(tasks);
    }

    /** {@code count} plain GET /health round trips. */
    Result health(int count) throws InterruptedException {
        List<Runnable> tasks = new ArrayList<>();
        Collector collector = new Collector();
        for (int i = 0; i < count; i++) {
            tasks.add(() -> collector.measure(() -> BenchHttp.expect(200, api.get("/health", null))));
        }
        return collector.run(tasks);
    }

    private void messageUntilReply(String seller, String token) {
        long started = System.nanoTime();
        String conversationId = BenchHttp.expect(201, api.startConversation(seller, token)).json().get("conversationId").asText();
        String path = "/conversations/" + conversationId + "/messages";
        while (BenchHttp.assistantReplies(BenchHttp.expect(200, api.get(path, token))) == 0) {
            if (System.nanoTime() - started > REPLY_TIMEOUT_NANOS) {
                throw new IllegalStateException("no reply within 30 s in " + conversationId);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Times operations on the thread pool: per-operation latency and the whole batch's span. */
    private final class Collector {
        private final Queue<Double> latencies = new ConcurrentLinkedQueue<>();
        private final Queue<String> errors = new ConcurrentLinkedQueue<>();
        private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

        void measure(Runnable operation) {
            long started = System.nanoTime();
            firstStart.accumulateAndGet(started, Math::min);
            try {
                operation.run();
                long ended = System.nanoTime();
                latencies.add((ended - started) / 1e6);
                lastEnd.accumulateAndGet(ended, Math::max);
            } catch (RuntimeException e) {
                errors.add(String.valueOf(e.getMessage()));
            }
        }

        Result run(List<Runnable> tasks) throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                tasks.forEach(pool::execute);
                pool.shutdown();
                if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the batch did not finish within 5 minutes");
                }
            } finally {
                pool.shutdownNow();
            }
            List<String> samples = errors.stream().limit(3).toList();
            double span = latencies.isEmpty() ? Double.NaN : (lastEnd.get() - firstStart.get()) / 1e9;
            return new Result(tasks.size(), List.copyOf(latencies), errors.size(), samples, span);
        }
    }
}
