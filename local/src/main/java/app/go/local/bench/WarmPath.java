package app.go.local.bench;

import app.go.local.GoLocal;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Parts (b) and (c): the warm message path through the running system (POST /conversations until
 * the assistant's reply is visible) and, as its floor, bare GET /health round trips, both from the
 * same pool of concurrent HTTP clients.
 * <p>
 * The client polls for the reply with a backoff, so its latency includes up to one poll interval.
 * The server-side latency does not depend on polling: the reply's {@code createdAt} minus the time
 * just before the POST, both read from the runtime's one clock (the bench runs in the same JVM).
 */
final class WarmPath {
    static final int MAX_CONVERSATIONS_PER_SELLER = 40; // under the assistant's 50 replies per seller per day
    static final long FIRST_POLL_MILLIS = 10;
    static final long DEFAULT_MAX_POLL_MILLIS = 50;
    private static final long REPLY_TIMEOUT_NANOS = 30_000_000_000L;

    /** Runtime-clock instants of one message: before its POST, its client message stored, its reply stored. */
    record ReplyTiming(Instant posted, Instant clientMessageStored, Instant replyStored) {
        double postToReplyMs() {
            return millis(posted, replyStored);
        }

        double storedToReplyMs() {
            return millis(clientMessageStored, replyStored);
        }
    }

    /**
     * Client-observed latencies of the successful operations, errors, the span from the first send to the
     * last completion, and (message path only) the server-side timings of each reply.
     */
    record Result(int attempted, List<Double> latenciesMs, int errors, List<String> errorSamples, double spanSeconds,
                  List<ReplyTiming> replies) {
        double perSecond() {
            return latenciesMs.size() / spanSeconds;
        }

        /** Replies per second on the runtime's clock: first POST to the last reply stored. */
        double serverPerSecond() {
            Instant first = replies.stream().map(ReplyTiming::posted).min(Instant::compareTo).orElseThrow();
            Instant last = replies.stream().map(ReplyTiming::replyStored).max(Instant::compareTo).orElseThrow();
            return replies.size() / (millis(first, last) / 1000.0);
        }

        List<Double> postToReplyMs() {
            return replies.stream().map(ReplyTiming::postToReplyMs).toList();
        }

        List<Double> storedToReplyMs() {
            return replies.stream().map(ReplyTiming::storedToReplyMs).toList();
        }
    }

    private final GoLocal local;
    private final BenchHttp api;
    private final int threads;
    private final long maxPollMillis;

    WarmPath(GoLocal local, BenchHttp api, int threads, long maxPollMillis) {
        this.local = local;
        this.api = api;
        this.threads = threads;
        this.maxPollMillis = maxPollMillis;
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
            tasks.add(() -> collector.measure(() -> {
                BenchHttp.expect(200, api.get("/health", null));
                return null;
            }));
        }
        return collector.run(tasks);
    }

    private ReplyTiming messageUntilReply(String seller, String token) {
        long started = System.nanoTime();
        Instant posted = local.clock().instant();
        String conversationId = BenchHttp.expect(201, api.startConversation(seller, token)).json().get("conversationId").asText();
        String path = "/conversations/" + conversationId + "/messages";
        long pollMillis = FIRST_POLL_MILLIS;
        while (true) {
            List<JsonNode> messages = BenchHttp.messages(BenchHttp.expect(200, api.get(path, token)));
            JsonNode reply = firstByAuthor(messages, "ASSISTANT");
            if (reply != null) {
                return new ReplyTiming(posted, createdAt(firstByAuthor(messages, "CLIENT")), createdAt(reply));
            }
            if (System.nanoTime() - started > REPLY_TIMEOUT_NANOS) {
                throw new IllegalStateException("no reply within 30 s in " + conversationId);
            }
            sleep(pollMillis);
            pollMillis = nextPollMillis(pollMillis, maxPollMillis);
        }
    }

    /**
     * Doubling up to {@code max} (10, 20, 40, 50, 50, ... ms by default): quick for a fast reply, and
     * gentle on the cores being measured, since every poll is a GET with its own DynamoDB reads.
     */
    static long nextPollMillis(long current, long max) {
        return Math.min(current * 2, max);
    }

    private static JsonNode firstByAuthor(List<JsonNode> messages, String author) {
        return messages.stream().filter(m -> author.equals(m.path("author").asText())).findFirst().orElse(null);
    }

    private static Instant createdAt(JsonNode message) {
        if (message == null || !message.hasNonNull("createdAt")) {
            throw new IllegalStateException("a message without createdAt: " + message);
        }
        return Instant.parse(message.get("createdAt").asText());
    }

    static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Times operations on the thread pool: per-operation latency and the whole batch's span. */
    private final class Collector {
        private final Queue<Double> latencies = new ConcurrentLinkedQueue<>();
        private final Queue<ReplyTiming> replies = new ConcurrentLinkedQueue<>();
        private final Queue<String> errors = new ConcurrentLinkedQueue<>();
        private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

        /** Runs one operation; what it returns (the message path's reply timing, or null) is kept. */
        void measure(Supplier<ReplyTiming> operation) {
            long started = System.nanoTime();
            firstStart.accumulateAndGet(started, Math::min);
            try {
                ReplyTiming timing = operation.get();
                long ended = System.nanoTime();
                latencies.add((ended - started) / 1e6);
                lastEnd.accumulateAndGet(ended, Math::max);
                if (timing != null) {
                    replies.add(timing);
                }
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
            return new Result(tasks.size(), List.copyOf(latencies), errors.size(), samples, span, List.copyOf(replies));
        }
    }
}
