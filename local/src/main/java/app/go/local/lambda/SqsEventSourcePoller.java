package app.go.local.lambda;

import app.go.local.aws.LocalAws;
import app.go.wiring.topology.EventSourceSpec;
import app.go.wiring.topology.QueueSpec;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An SQS event-source mapping on one JVM: background pollers long-poll the queue, each gathers a batch
 * (batch size; batching window on standard queues), invokes the function with a real {@link SQSEvent}
 * and deletes the messages it did not report in {@code batchItemFailures}. When the function throws or
 * times out nothing is deleted, so the whole batch comes back after the visibility timeout, and the
 * queue's own redrive policy moves a message to its DLQ after {@code maxReceiveCount} receives.
 * <p>
 * Like Lambda, a mapping runs several pollers at once, each with one batch in flight, so up to
 * {@code concurrency} batches run concurrently and messages arriving one by one are spread over the
 * waiting pollers instead of queuing behind one batch. Batch size and batching window hold per poller,
 * as in Lambda. On a FIFO queue per-group order still holds because the queue itself (SQS and ElasticMQ
 * alike) delivers no further message of a group while one of its messages is in flight: different
 * groups (conversations) are processed concurrently, each group strictly in order.
 */
public final class SqsEventSourcePoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqsEventSourcePoller.class);
    private static final int MAX_MESSAGES_PER_RECEIVE = 10;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    /**
     * Pollers per mapping unless configured: twice the cores, at least 2 (4 on a 2-core box). An
     * invocation mostly waits on DynamoDB and SQS over HTTP, so more batches than cores keep the CPU
     * busy; many more only contend for it (real Lambda would add machines, not just threads).
     */
    public static int defaultConcurrency() {
        return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    }

    private final EventSourceSpec source;
    private final String queueUrl;
    private final String queueArn;
    private final SqsClient sqs;
    private final LambdaInvoker invoker;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean halted;

    public SqsEventSourcePoller(EventSourceSpec source, String queueUrl, SqsClient sqs, LambdaInvoker invoker) {
        this(source, queueUrl, sqs, invoker, defaultConcurrency());
    }

    /** @param concurrency how many pollers, each with at most one batch in flight (1 = one batch after the other) */
    public SqsEventSourcePoller(EventSourceSpec source, String queueUrl, SqsClient sqs, LambdaInvoker invoker, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.source = source;
        this.queueUrl = queueUrl;
        this.queueArn = LocalAws.queueArn(queueUrl);
        this.sqs = sqs;
        this.invoker = invoker;
        for (int i = 1; i <= concurrency; i++) {
            Thread poller = new Thread(this::pollUntilStopped, "sqs-poller-" + source.function().id() + "-" + i);
            poller.setDaemon(true);
            pollers.add(poller);
        }
    }

    /**
     * Starts a poller for each event source; {@code queueUrls} is typically {@code ProvisionedResources::queueUrl}
     * and {@code concurrency} the number of batches each source may have in flight.
     */
    public static List<SqsEventSourcePoller> startAll(List<EventSourceSpec> sources, Function<QueueSpec, String> queueUrls,
                                                      SqsClient sqs, LambdaInvoker invoker, int concurrency) {
        return sources.stream()
                .map(source -> new SqsEventSourcePoller(source, queueUrls.apply(source.queue()), sqs, invoker, concurrency).start())
                .toList();
    }

    public SqsEventSourcePoller start() {
        running = true;
        pollers.forEach(Thread::start);
        log.info("polling {} for {} (batch size {}, window {} ms, {} pollers)", queueArn, source.function().id(),
                source.batchSize(), source.maxBatchingWindow().toMillis(), pollers.size());
        return this;
    }

    /** Stops polling at once: batches in flight are abandoned undeleted, as when the process dies. */
    public void halt() {
        halted = true;
        running = false;
        pollers.forEach(Thread::interrupt);
    }

    /** Stops polling and waits for the batches in flight to finish (invocation and deletes). */
    @Override
    public void close() {
        running = false;
        if (halted) {
            return;
        }
        long deadline = System.nanoTime() + source.function().timeout().plus(SHUTDOWN_GRACE).toNanos();
        try {
            for (Thread poller : pollers) {
                long leftMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                poller.join(leftMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pollUntilStopped() {
        while (running) {
            try {
                List<Message> batch = receiveBatch();
                if (!batch.isEmpty() && !halted) {
                    deliver(batch);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("polling {} failed: {}", queueArn, e.toString());
                pause(500);
            }
        }
    }

    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>(receive(Math.min(source.batchSize(), MAX_MESSAGES_PER_RECEIVE), 1));
        Duration window = source.maxBatchingWindow();
        if (batch.isEmpty() || source.queue().fifo() || window.isZero()) {
            return batch;
        }
        long deadline = System.nanoTime() + window.toNanos();
        while (running && batch.size() < source.batchSize()) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                break;
            }
            int waitSeconds = remainingMillis >= 1000 ? 1 : 0; // SQS long polls in whole seconds only
            List<Message> more = receive(Math.min(source.batchSize() - batch.size(), MAX_MESSAGES_PER_RECEIVE), waitSeconds);
            if (more.isEmpty() && waitSeconds == 0) {
                pause(Math.min(remainingMillis, 50));
            }
            more.forEach(message -> addOrReplace(batch, message));
        }
        return batch;
    }

    /**
     * A message whose visibility timeout ran out while the window was open comes back with a new receipt
     * handle, and only the newest handle can delete it: keep one record per message, with that handle.
     */
    private static void addOrReplace(List<Message> batch, Message message) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).messageId().equals(message.messageId())) {
                batch.set(i, message);
                return;
            }
        }
        batch.add(message);
    }

    private List<Message> receive(int maxMessages, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(maxMessages)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    private void deliver(List<Message> batch) {
        long started = System.nanoTime();
        Set<String> failed;
        try {
            SQSBatchResponse response = invoker.invoke(source.function(), toEvent(batch), SQSBatchResponse.class);
            failed = reportedFailures(response, batch);
        } catch (LambdaInvocationException e) {
            log.warn("{} failed on a batch of {} from {}: {}: {}", source.function().id(), batch.size(), queueArn,
                    e.errorType(), e.getMessage());
            failed = messageIds(batch);
        } catch (RuntimeException e) {
            log.warn("{} could not be invoked for a batch from {}: {}", source.function().id(), queueArn, e.toString());
            failed = messageIds(batch);
        }
        Set<String> retried = failed;
        if (halted) {
            return; // the process is gone before its deletes
        }
        delete(batch.stream().filter(message -> !retried.contains(message.messageId())).toList());
        log.info("{} batch from {}: {} messages, {} failures, {} ms", source.function().id(), queueArn,
                batch.size(), failed.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** An identifier that is empty or names no message of the batch fails the whole batch, as in Lambda. */
    private Set<String> reportedFailures(SQSBatchResponse response, List<Message> batch) {
        if (response == null || response.getBatchItemFailures() == null) {
            return Set.of();
        }
        Set<String> inBatch = messageIds(batch);
        Set<String> failed = new HashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || !inBatch.contains(id)) {
                log.warn("{} reported an unknown batch item failure {}; the whole batch is retried",
                        source.function().id(), id);
                return inBatch;
            }
            failed.add(id);
        }
        return failed;
    }

    private void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += MAX_MESSAGES_PER_RECEIVE) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_MESSAGES_PER_RECEIVE));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id("m" + i).receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            var result = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            result.failed().forEach(failure -> log.warn("could not delete a message from {}: {} {}",
                    queueArn, failure.code(), failure.message()));
        }
    }

    private SQSEvent toEvent(List<Message> batch) {
        SQSEvent event = new SQSEvent();
        event.setRecords(batch.stream().map(this::toRecord).toList());
        return event;
    }

    private SQSEvent.SQSMessage toRecord(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, toAttribute(value)));
        record.setMessageAttributes(attributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(LocalAws.REGION);
        return record;
    }

    private static SQSEvent.MessageAttribute toAttribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        attribute.setBinaryValue(value.binaryValue() == null ? null : value.binaryValue().asByteBuffer());
        attribute.setStringListValues(new ArrayList<>(value.stringListValues()));
        List<ByteBuffer> binaries = new ArrayList<>();
        value.binaryListValues().forEach(bytes -> binaries.add(bytes.asByteBuffer()));
        attribute.setBinaryListValues(binaries);
        return attribute;
    }

    private static Set<String> messageIds(List<Message> batch) {
        Set<String> ids = new HashSet<>();
        batch.forEach(message -> ids.add(message.messageId()));
        return ids;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
