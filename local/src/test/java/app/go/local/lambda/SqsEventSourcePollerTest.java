package app.go.local.lambda;

import app.go.local.aws.LocalAws;
import app.go.local.aws.LocalSqs;
import app.go.local.aws.TopologyProvisioner;
import app.go.local.aws.TopologyProvisioner.QueueUrls;
import app.go.support.config.Env;
import app.go.wiring.topology.EventSourceSpec;
import app.go.wiring.topology.FunctionSpec;
import app.go.wiring.topology.QueueSpec;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@DisplayName("SqsEventSourcePoller on ElasticMQ")
class SqsEventSourcePollerTest {
    private static final Duration VISIBILITY = Duration.ofSeconds(1);
    private static final int MAX_RECEIVES = 2;
    /** Batch and batching-window semantics hold per poller (as in Lambda); tests of them watch a single poller. */
    private static final int ONE_POLLER = 1;
    private static final AtomicInteger QUEUES = new AtomicInteger();

    private static LocalSqs server;
    private static SqsClient sqs;
    private static LocalLambdaRuntime runtime;

    private final List<SqsEventSourcePoller> pollers = new ArrayList<>();
    /** Every SQSEvent the test's function received, in order. */
    private final List<SQSEvent> deliveries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = LocalSqs.start();
        sqs = LocalAws.sqsClient(server.endpoint());
        runtime = new LocalLambdaRuntime(new Adapters(new Env(Map.of()), Clock.systemUTC(), a -> null, a -> null), List.of());
    }

    @AfterAll
    static void stop() {
        runtime.close();
        sqs.close();
        server.close();
    }

    @AfterEach
    void stopPollers() {
        pollers.forEach(SqsEventSourcePoller::close);
    }

    @Test
    @DisplayName("delivers a batch as a real SQSEvent with body, ids, attributes and message attributes, then deletes it")
    void deliversSqsEventAndDeletesSuccesses(TestInfo test) {
        Subscription sub = subscribe(test, false, 10, Duration.ZERO, event -> null);
        sqs.sendMessage(b -> b.queueUrl(sub.urls.queueUrl()).messageBody("{\"n\":1}")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("renewal").build())));

        await("one delivery", () -> deliveries.size() == 1);
        SQSMessage record = deliveries.get(0).getRecords().get(0);
        assertEquals("{\"n\":1}", record.getBody());
        assertNotNull(record.getMessageId());
        assertNotNull(record.getReceiptHandle());
        assertNotNull(record.getMd5OfBody());
        assertEquals("aws:sqs", record.getEventSource());
        assertEquals("arn:aws:sqs:us-east-1:000000000000:" + sub.queue.localName(), record.getEventSourceArn());
        assertEquals("us-east-1", record.getAwsRegion());
        assertEquals("1", record.getAttributes().get("ApproximateReceiveCount"));
        assertNotNull(record.getAttributes().get("SentTimestamp"));
        assertNotNull(record.getAttributes().get("ApproximateFirstReceiveTimestamp"));
        assertEquals("renewal", record.getMessageAttributes().get("kind").getStringValue());
        assertEquals("String", record.getMessageAttributes().get("kind").getDataType());

        await("the message is deleted", () -> messagesIn(sub.urls.queueUrl()) == 0);
    }

    @Test
    @DisplayName("a reported batch item failure comes back after the visibility timeout with ApproximateReceiveCount 2; the rest is deleted")
    void redeliversReportedFailure(TestInfo test) {
        Subscription sub = subscribe(test, false, 10, Duration.ZERO, event -> failing(event, "retry-me", 1));
        send(sub, "ok");
        send(sub, "retry-me");

        await("a second delivery of the failed message", () -> receiveCounts("retry-me").contains("2"));
        assertEquals(List.of("1"), receiveCounts("ok"), "the successful message is delivered once");
        await("both messages deleted", () -> messagesIn(sub.urls.queueUrl()) == 0);
        assertEquals(0, messagesIn(sub.urls.deadLetterQueueUrl()));
    }

    @Test
    @DisplayName("a message failing maxReceiveCount times is moved to the DLQ by the queue's redrive policy")
    void movesPoisonMessageToDeadLetterQueue(TestInfo test) {
        Subscription sub = subscribe(test, false, 10, Duration.ZERO, event -> failing(event, "poison", Integer.MAX_VALUE));
        send(sub, "poison");

        Message dead = awaitMessage(sub.urls.deadLetterQueueUrl(), Duration.ofSeconds(10));
        assertEquals("poison", dead.body());
        assertEquals(List.of("1", "2"), receiveCounts("poison"), "delivered maxReceiveCount times, then no more");
        assertEquals(0, messagesIn(sub.urls.queueUrl()));
    }

    @Test
    @DisplayName("when the handler throws, the whole batch is redelivered after the visibility timeout")
    void redeliversWholeBatchWhenHandlerThrows(TestInfo test) {
        AtomicBoolean thrown = new AtomicBoolean();
        Subscription sub = subscribe(test, false, 10, Duration.ofMillis(500), VISIBILITY, ONE_POLLER, event -> {
            if (thrown.compareAndSet(false, true)) {
                throw new IllegalStateException("database unavailable");
            }
            return null;
        });
        send(sub, "a");
        send(sub, "b");

        await("both messages seen twice", () -> receiveCounts("a").contains("2") && receiveCounts("b").contains("2"));
        assertEquals(List.of("1", "2"), receiveCounts("a"));
        assertEquals(List.of("1", "2"), receiveCounts("b"));
        await("both deleted after the successful retry", () -> messagesIn(sub.urls.queueUrl()) == 0);
    }

    @Test
    @DisplayName("a FIFO queue's messages reach the function in send order within each message group")
    void keepsFifoOrderPerGroup(TestInfo test) {
        Subscription sub = subscribe(test, true, 10, Duration.ZERO, event -> null);
        for (int i = 0; i < 12; i++) {
            String group = i % 2 == 0 ? "conversation-a" : "conversation-b";
            String body = group + ":" + i;
            sqs.sendMessage(b -> b.queueUrl(sub.urls.queueUrl()).messageBody(body).messageGroupId(group));
        }
        await("all twelve delivered", () -> bodies().size() == 12);
        assertEquals(List.of("conversation-a:0", "conversation-a:2", "conversation-a:4", "conversation-a:6",
                "conversation-a:8", "conversation-a:10"), bodies().stream().filter(b -> b.startsWith("conversation-a")).toList());
        assertEquals(List.of("conversation-b:1", "conversation-b:3", "conversation-b:5", "conversation-b:7",
                "conversation-b:9", "conversation-b:11"), bodies().stream().filter(b -> b.startsWith("conversation-b")).toList());
        SQSMessage first = deliveries.get(0).getRecords().get(0);
        assertNotNull(first.getAttributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID.toString()));
        assertNotNull(first.getAttributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID.toString()));
    }

    @Test
    @DisplayName("with four batches at once, every FIFO message group still reaches the function in send order, one batch per group at a time")
    void keepsFifoOrderPerGroupWithConcurrentBatches(TestInfo test) {
        int groups = 6;
        int perGroup = 15;
        Map<String, List<Integer>> arrivals = new ConcurrentHashMap<>();
        Set<String> groupsInFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger mostBatchesAtOnce = new AtomicInteger();
        AtomicInteger batchesNow = new AtomicInteger();
        Subscription sub = subscribe(test, true, 3, Duration.ZERO, VISIBILITY.multipliedBy(10), 4, event -> {
            mostBatchesAtOnce.accumulateAndGet(batchesNow.incrementAndGet(), Math::max);
            Set<String> mine = new HashSet<>();
            event.getRecords().forEach(r -> mine.add(r.getAttributes().get("MessageGroupId")));
            mine.forEach(group -> {
                if (!groupsInFlight.add(group)) {
                    overlaps.incrementAndGet();
                }
            });
            for (SQSMessage record : event.getRecords()) {
                String[] parts = record.getBody().split(":");
                arrivals.computeIfAbsent(parts[0], g -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
            }
            sleep(5 + ThreadLocalRandom.current().nextInt(20)); // varied handler time, so batches interleave
            groupsInFlight.removeAll(mine);
            batchesNow.decrementAndGet();
            return null;
        });
        for (int i = 0; i < perGroup; i++) {
            for (int g = 0; g < groups; g++) {
                String group = "conversation-" + g;
                String body = group + ":" + i;
                sqs.sendMessage(b -> b.queueUrl(sub.urls.queueUrl()).messageBody(body).messageGroupId(group));
            }
        }

        await("all messages delivered", () -> bodies().size() == groups * perGroup);
        List<Integer> sendOrder = IntStream.range(0, perGroup).boxed().toList();
        for (int g = 0; g < groups; g++) {
            assertEquals(sendOrder, arrivals.get("conversation-" + g), "arrival order of conversation-" + g);
        }
        assertEquals(0, overlaps.get(), "a group was in two batches in flight at once");
        assertTrue(mostBatchesAtOnce.get() > 1, "batches ran one at a time");
        await("all deleted", () -> messagesIn(sub.urls.queueUrl()) == 0);
    }

    @Test
    @DisplayName("two FIFO message groups are processed concurrently: a batch of group B runs while a batch of group A is still in the function")
    void processesTwoGroupsConcurrently(TestInfo test) throws InterruptedException {
        CountDownLatch bothInside = new CountDownLatch(2);
        Map<String, Boolean> sawTheOther = new ConcurrentHashMap<>();
        Subscription sub = subscribe(test, true, 10, Duration.ZERO, VISIBILITY.multipliedBy(10), 2, event -> {
            String group = event.getRecords().get(0).getAttributes().get("MessageGroupId");
            bothInside.countDown();
            try {
                sawTheOther.put(group, bothInside.await(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        sqs.sendMessage(b -> b.queueUrl(sub.urls.queueUrl()).messageBody("a").messageGroupId("conversation-a"));
        await("group A's batch is in the function", () -> deliveries.size() == 1);
        sqs.sendMessage(b -> b.queueUrl(sub.urls.queueUrl()).messageBody("b").messageGroupId("conversation-b"));

        assertTrue(bothInside.await(5, TimeUnit.SECONDS), "group B waited for group A's batch");
        await("both batches done", () -> sawTheOther.size() == 2);
        assertEquals(Map.of("conversation-a", true, "conversation-b", true), sawTheOther);
        assertEquals(List.of("a", "b"), bodies());
        await("both deleted", () -> messagesIn(sub.urls.queueUrl()) == 0);
    }

    @Test
    @DisplayName("on a standard queue, up to the configured number of batches run at once, and no more")
    void capsConcurrentBatches(TestInfo test) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        Subscription sub = subscribe(test, false, 10, Duration.ZERO, VISIBILITY.multipliedBy(10), 2, event -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
            return null;
        });
        send(sub, "first");
        await("the first batch is in the function", () -> deliveries.size() == 1);
        send(sub, "second");
        await("a second batch runs beside it", () -> deliveries.size() == 2);
        send(sub, "third");
        Thread.sleep(500);
        assertEquals(2, deliveries.size(), "a third batch started while two were in flight");

        release.countDown();
        await("the third is delivered once a poller is free", () -> bodies().size() == 3);
        assertEquals(2, mostInside.get());
        await("all deleted", () -> messagesIn(sub.urls.queueUrl()) == 0);
    }

    @Test
    @DisplayName("no batch is larger than the event source's batch size")
    void honoursBatchSize(TestInfo test) {
        Subscription sub = subscribe(test, false, 3, Duration.ZERO, event -> null);
        for (int i = 0; i < 7; i++) {
            send(sub, "m" + i);
        }
        await("all seven delivered", () -> bodies().size() == 7);
        deliveries.forEach(event -> assertTrue(event.getRecords().size() <= 3, "batch of " + event.getRecords().size()));
    }

    @Test
    @DisplayName("on a standard queue, messages arriving within the batching window go in one batch")
    void gathersBatchWithinWindow(TestInfo test) throws InterruptedException {
        Subscription sub = subscribe(test, false, 10, Duration.ofMillis(1500), Duration.ofSeconds(5), ONE_POLLER, event -> null);
        send(sub, "first");
        Thread.sleep(300);
        send(sub, "second");
        await("both delivered", () -> bodies().size() == 2);
        assertEquals(1, deliveries.size(), "one invocation");
        await("both deleted", () -> messagesIn(sub.urls.queueUrl()) == 0);
    }

    @Test
    @DisplayName("a message that becomes visible again while the window is open is in the batch once, with its newest receipt handle")
    void deduplicatesRedeliveryWithinWindow(TestInfo test) {
        Subscription sub = subscribe(test, false, 10, Duration.ofMillis(1800), VISIBILITY, ONE_POLLER, event -> null);
        send(sub, "early");
        await("one delivery", () -> deliveries.size() == 1);
        assertEquals(List.of("early"), bodies());
        assertEquals("2", deliveries.get(0).getRecords().get(0).getAttributes().get("ApproximateReceiveCount"));
        await("deleted with the newest receipt handle", () -> messagesIn(sub.urls.queueUrl()) == 0);
    }

    @Test
    @DisplayName("stopping waits for the batch in flight: it completes and its messages are deleted")
    void stopWaitsForBatchInFlight(TestInfo test) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Subscription sub = subscribe(test, false, 10, Duration.ZERO, event -> {
            started.countDown();
            sleep(700);
            finished.set(true);
            return null;
        });
        send(sub, "slow");
        assertTrue(started.await(5, TimeUnit.SECONDS));
        sub.poller.close();
        assertTrue(finished.get(), "close returned before the handler finished");
        assertEquals(0, messagesIn(sub.urls.queueUrl()));
    }

    // ---- fixture ------------------------------------------------------------------------------------

    private record Subscription(QueueSpec queue, QueueUrls urls, SqsEventSourcePoller poller) {}

    /** A fresh queue (visibility 1 s, DLQ after 2 receives) consumed by a scripted function that records its events. */
    private Subscription subscribe(TestInfo test, boolean fifo, int batchSize, Duration window,
                                   Function<SQSEvent, SQSBatchResponse> script) {
        return subscribe(test, fifo, batchSize, window, VISIBILITY, script);
    }

    private Subscription subscribe(TestInfo test, boolean fifo, int batchSize, Duration window, Duration visibility,
                                   Function<SQSEvent, SQSBatchResponse> script) {
        return subscribe(test, fifo, batchSize, window, visibility, SqsEventSourcePoller.defaultConcurrency(), script);
    }

    private Subscription subscribe(TestInfo test, boolean fifo, int batchSize, Duration window, Duration visibility,
                                   int concurrency, Function<SQSEvent, SQSBatchResponse> script) {
        String id = test.getTestMethod().orElseThrow().getName() + "-" + QUEUES.incrementAndGet();
        QueueSpec queue = new QueueSpec(id, "TEST_QUEUE_URL", fifo, MAX_RECEIVES);
        QueueUrls urls = new TopologyProvisioner(null, sqs).createQueue(queue, visibility);
        FunctionSpec function = TestHandlers.function(id, TestHandlers.ScriptedSqs.class, Duration.ofSeconds(5));
        TestHandlers.ScriptedSqs.SCRIPTS.put(id, event -> {
            deliveries.add(event);
            return script.apply(event);
        });
        SqsEventSourcePoller poller = new SqsEventSourcePoller(new EventSourceSpec(queue, function, batchSize, window),
                urls.queueUrl(), sqs, runtime, concurrency).start();
        pollers.add(poller);
        return new Subscription(queue, urls, poller);
    }

    /** Reports the message with this body as failed on its first {@code times} deliveries. */
    private static SQSBatchResponse failing(SQSEvent event, String body, int times) {
        List<SQSBatchResponse.BatchItemFailure> failures = event.getRecords().stream()
                .filter(r -> r.getBody().equals(body))
                .filter(r -> Integer.parseInt(r.getAttributes().get("ApproximateReceiveCount")) <= times)
                .map(r -> new SQSBatchResponse.BatchItemFailure(r.getMessageId()))
                .toList();
        return new SQSBatchResponse(failures);
    }

    private void send(Subscription sub, String body) {
        sqs.sendMessage(b -> b.queueUrl(sub.urls.queueUrl()).messageBody(body));
    }

    private List<String> bodies() {
        return deliveries.stream().flatMap(e -> e.getRecords().stream()).map(SQSMessage::getBody).toList();
    }

    private List<String> receiveCounts(String body) {
        return deliveries.stream().flatMap(e -> e.getRecords().stream())
                .filter(r -> r.getBody().equals(body))
                .map(r -> r.getAttributes().get("ApproximateReceiveCount"))
                .toList();
    }

    private static int messagesIn(String queueUrl) {
        Map<String, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }

    private static Message awaitMessage(String queueUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
        }
        return fail("no message in " + queueUrl + " within " + timeout);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            sleep(25);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
