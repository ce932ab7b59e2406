package app.go.local.aws;

import app.go.local.dynamodb.DynamoEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The project's own DynamoDB engine ({@link DynamoEngine}), embedded in this JVM and reached over HTTP
 * on 127.0.0.1. In memory unless given a data directory; one database for every credential and
 * region, so handlers and tools see the same tables whatever keys they sign with. TTL expiry follows
 * the clock it is given (the runtime's adjustable clock).
 */
public final class LocalDynamoDb extends LoopbackServer {
    private static final Logger log = LoggerFactory.getLogger(LocalDynamoDb.class);

    private final DynamoEngine engine;

    private LocalDynamoDb(DynamoEngine engine) {
        super(engine.port());
        this.engine = engine;
    }

    /** In memory, on a free port, on the system clock. */
    public static LocalDynamoDb start() {
        return start(0, null);
    }

    /**
     * @param port    0 for a free port
     * @param dataDir where tables persist across restarts; {@code null} for in memory
     */
    public static LocalDynamoDb start(int port, Path dataDir) {
        return start(port, dataDir, Clock.systemUTC());
    }

    /** As {@link #start(int, Path)}, with TTL deletions driven by {@code clock}. */
    public static LocalDynamoDb start(int port, Path dataDir, Clock clock) {
        long started = System.nanoTime();
        DynamoEngine engine = DynamoEngine.builder().port(port).dataDirectory(dataDir).clock(clock).start();
        log.info("DynamoDB engine on port {} ({}) in {} ms", engine.port(),
                dataDir == null ? "in memory" : dataDir.toAbsolutePath(), millisSince(started));
        return new LocalDynamoDb(engine);
    }

    /** The engine, for fault injection and on-demand TTL sweeps. */
    public DynamoEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}
