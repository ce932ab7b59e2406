package app.go.local.bench;

import app.go.local.aws.LocalAws;
import app.go.local.dynamodb.DynamoEngine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The DynamoDB engine's own bench: start in a fresh JVM, then GetItem, Query and TransactWriteItems
 * p50 over HTTP through the SDK client, and conditional updates from 8 threads (with a check that no
 * increment was lost: the per-item linearizability the exactly-once paths rely on).
 *
 * <pre>
 *   java -cp local/target/go-local.jar app.go.local.bench.EngineBench [--ops 2000] [--threads 8]
 * </pre>
 *
 * Until DynamoDB Local left the build it measured DynamoDB Local the same way in the same run, and
 * printed the ratios; the figures are in README.md ("The local runtime").
 */
public final class EngineBench {
    static final String TABLE = "bench";

    private EngineBench() {}

    /** An engine to measure: how to start it and where it listens. */
    interface Engine extends AutoCloseable {
        URI endpoint();

        @Override
        void close();
    }

    /** What one engine measured. */
    record Figures(String engine, double startMsMedian, double getItemP50, double queryP50, double transactP50,
                   double threadedOpsPerSecond, long lostUpdates) {
        String text() {
            return String.format(Locale.ROOT, "  %-16s start %6.0f ms   GetItem p50 %5.2f ms   Query p50 %5.2f ms   TransactWriteItems p50 %5.2f ms"
                            + "   8-thread conditional updates %7.0f ops/s (lost updates: %d)",
                    engine, startMsMedian, getItemP50, queryP50, transactP50, threadedOpsPerSecond, lostUpdates);
        }
    }

    public static void main(String[] args) throws Exception {
        int ops = intOption(args, "--ops", 2000);
        int threads = intOption(args, "--threads", 8);
        System.out.println("DynamoDB engine bench: " + ops + " ops per measurement, " + threads + " threads, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        Figures figures = measure("go engine", EngineStartProbe.ENGINE, () -> {
            DynamoEngine engine = DynamoEngine.inMemory();
            return new Engine() {
                public URI endpoint() {
                    return engine.endpoint();
                }

                public void close() {
                    engine.close();
                }
            };
        }, ops, threads);
        System.out.println(figures.text());
    }

    interface EngineFactory {
        Engine start() throws Exception;
    }

    static Figures measure(String name, String probeArgument, EngineFactory factory, int ops, int threads) throws Exception {
        double start = EngineStartProbe.medianStartMillis(probeArgument, 3);
        try (Engine engine = factory.start(); DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint())) {
            createTable(client);
            for (int p = 0; p < 100; p++) {
                for (int s = 0; s < 10; s++) {
                    client.putItem(put(p, s));
                }
            }
            double get = p50(ops, i -> client.getItem(b -> b.tableName(TABLE).key(key(i % 100, i % 10))));
            double query = p50(ops, i -> client.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p" + (i % 100))))));
            double transact = p50(ops, i -> {
                try {
                    client.transactWriteItems(b -> b.transactItems(
                            t -> t.put(p -> p.tableName(TABLE).item(item("t" + i, 0))),
                            t -> t.update(u -> u.tableName(TABLE).key(key(i % 100, 0)).updateExpression("ADD n :one")
                                    .conditionExpression("attribute_exists(pk)")
                                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))));
                } catch (TransactionCanceledException e) {
                    throw new IllegalStateException(e);
                }
            });
            long[] lost = new long[1];
            double throughput = threaded(client, ops, threads, lost);
            return new Figures(name, start, get, query, transact, throughput, lost[0]);
        }
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    }

    private static software.amazon.awssdk.services.dynamodb.model.PutItemRequest put(int p, int s) {
        return software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder().tableName(TABLE)
                .item(item("p" + p, s)).build();
    }

    private static Map<String, AttributeValue> item(String pk, int s) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("s" + s), "n", AttributeValue.fromN("0"),
                "body", AttributeValue.fromS("x".repeat(200)));
    }

    private static Map<String, AttributeValue> key(int p, int s) {
        return Map.of("pk", AttributeValue.fromS("p" + p), "sk", AttributeValue.fromS("s" + s));
    }

    interface Call {
        void run(int i);
    }

    /** Median latency after a warm-up of a quarter of the calls. */
    static double p50(int ops, Call call) {
        for (int i = 0; i < ops / 4; i++) {
            call.run(i);
        }
        List<Double> latencies = new ArrayList<>(ops);
        for (int i = 0; i < ops; i++) {
            long started = System.nanoTime();
            call.run(i);
            latencies.add((System.nanoTime() - started) / 1e6);
        }
        return Stats.percentile(latencies, 50);
    }

    /**
     * Threads increment 8 counters with read-then-conditional-write (optimistic concurrency, retried on
     * a failed condition); returns successful increments per second and counts any lost update.
     */
    static double threaded(DynamoDbClient client, int ops, int threads, long[] lost) throws Exception {
        int counters = 8;
        for (int c = 0; c < counters; c++) {
            int counter = c;
            client.putItem(b -> b.tableName(TABLE)
                    .item(Map.of("pk", AttributeValue.fromS("counter"), "sk", AttributeValue.fromS("c" + counter), "n", AttributeValue.fromN("0"))));
        }
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < ops / threads; i++) {
                    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("counter"), "sk", AttributeValue.fromS("c" + ((thread + i) % counters)));
                    while (true) {
                        String seen = client.getItem(b -> b.tableName(TABLE).key(key).consistentRead(true)).item().get("n").n();
                        try {
                            client.updateItem(b -> b.tableName(TABLE).key(key).updateExpression("SET n = :next").conditionExpression("n = :seen")
                                    .expressionAttributeValues(Map.of(":next", AttributeValue.fromN(Long.toString(Long.parseLong(seen) + 1)),
                                            ":seen", AttributeValue.fromN(seen))));
                            done.incrementAndGet();
                            break;
                        } catch (ConditionalCheckFailedException e) {
                            // another thread won this round: read again
                        }
                    }
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long total = 0;
        for (int c = 0; c < counters; c++) {
            int counter = c;
            total += Long.parseLong(client.getItem(b -> b.tableName(TABLE).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("counter"), "sk", AttributeValue.fromS("c" + counter)))).item().get("n").n());
        }
        lost[0] = done.get() - total;
        return done.get() / seconds;
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static List<String> childCommand(String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary().toString(), "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(arguments));
        return command;
    }
}
