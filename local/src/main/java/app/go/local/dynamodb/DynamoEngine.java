package app.go.local.dynamodb;

import app.go.local.dynamodb.faults.Fault;
import app.go.local.dynamodb.faults.Faults;
import app.go.local.dynamodb.faults.Operation;
import app.go.local.dynamodb.http.DynamoHttpEndpoint;
import app.go.local.dynamodb.storage.Database;
import app.go.local.dynamodb.storage.FileJournal;
import app.go.local.dynamodb.storage.Journal;
import app.go.local.dynamodb.streams.StreamRecords;
import app.go.local.dynamodb.ttl.TimeToLiveSweeper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A DynamoDB engine written from DynamoDB's documentation, served over DynamoDB's JSON protocol on
 * 127.0.0.1 so the SDK's {@code DynamoDbClient} and {@code DynamoDbStreamsClient} talk to it
 * unchanged ({@code endpointOverride(engine.endpoint())}).
 *
 * <pre>{@code
 * try (DynamoEngine engine = DynamoEngine.builder().clock(clock).dataDirectory(dir).start()) { ... }
 * }</pre>
 *
 * <ul>
 *   <li>In memory unless given a data directory; then every acknowledged write is on disk (fsync)
 *       before the answer, and a restart, even after kill -9, finds it.</li>
 *   <li>TTL deletions follow the given {@link Clock} (a test clock drives expiry): a sweep every
 *       {@code ttlSweepInterval} of real time, or {@link #sweepExpiredItems()} on demand.</li>
 *   <li>{@link #faults()} arms throttling, errors, delays and transaction conflicts for coming calls;
 *       over HTTP: {@code POST /local/faults {"operation":"PutItem","table":"t","times":2,"fault":"THROTTLE"}}
 *       ({@code "fault"}: THROTTLE, THROTTLING, INTERNAL_ERROR, TRANSACTION_CONFLICT, or DELAY with
 *       {@code "delayMillis"}), {@code DELETE /local/faults}, and {@code POST /local/ttl/sweep}.</li>
 * </ul>
 */
public final class DynamoEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DynamoEngine.class.getName());
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final Database db;
    private final Faults faults;
    private final Operations operations;
    private final TimeToLiveSweeper sweeper;
    private final DynamoHttpEndpoint http;

    private DynamoEngine(Builder builder) throws IOException {
        Journal journal = builder.dataDirectory == null ? Journal.NONE : new FileJournal(builder.dataDirectory);
        this.db = new Database(journal, builder.clock);
        this.faults = new Faults();
        StreamRecords streams = new StreamRecords(db);
        db.addListener(streams);
        this.operations = new Operations(db, streams, faults);
        this.sweeper = new TimeToLiveSweeper(db, builder.ttlSweepInterval);
        this.http = DynamoHttpEndpoint.start(builder.port, new DynamoHttpEndpoint.Service() {
            @Override
            public ObjectNode call(String operation, JsonNode request) {
                return operations.call(operation, request);
            }

            @Override
            public DynamoHttpEndpoint.Control.Reply control(String method, String path, JsonNode body) {
                return DynamoEngine.this.control(method, path, body);
            }
        }, DynamoEngine::error, MAPPER);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** In memory, real time, on a free port. */
    public static DynamoEngine inMemory() {
        return builder().start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.port());
    }

    public int port() {
        return http.port();
    }

    /** Faults to inject into coming calls; see {@link Faults}. */
    public Faults faults() {
        return faults;
    }

    /** Deletes every item whose TTL lies before the engine's clock now; returns how many. */
    public int sweepExpiredItems() {
        return sweeper.sweep();
    }

    /** Runs one call in-process (no HTTP), e.g. {@code call("GetItem", request)}; errors as {@link DynamoException}. */
    public ObjectNode call(String operation, JsonNode request) {
        return operations.call(operation, request);
    }

    private DynamoHttpEndpoint.Control.Reply control(String method, String path, JsonNode body) {
        if (path.equals("/local/faults") && method.equals("POST")) {
            Operation operation = Operation.ofWireName(body.path("operation").asText());
            if (operation == null) {
                throw DynamoException.validation("unknown operation " + body.path("operation").asText());
            }
            String kind = body.path("fault").asText();
            Fault fault = kind.equals("DELAY") ? Fault.delay(Duration.ofMillis(body.path("delayMillis").asLong()))
                    : new Fault(Fault.Kind.valueOf(kind), Duration.ZERO);
            faults.next(operation, body.path("table").asText(null), body.path("times").asInt(1), fault);
            return new DynamoHttpEndpoint.Control.Reply(200, MAPPER.createObjectNode().put("pending", faults.pending()));
        }
        if (path.equals("/local/faults") && method.equals("DELETE")) {
            faults.clear();
            return new DynamoHttpEndpoint.Control.Reply(200, MAPPER.createObjectNode().put("pending", 0));
        }
        if (path.equals("/local/ttl/sweep") && method.equals("POST")) {
            return new DynamoHttpEndpoint.Control.Reply(200, MAPPER.createObjectNode().put("deleted", sweepExpiredItems()));
        }
        return new DynamoHttpEndpoint.Control.Reply(404, MAPPER.createObjectNode().put("message", "no such control path: " + method + " " + path));
    }

    private static DynamoHttpEndpoint.ErrorMapper.Error error(RuntimeException failure) {
        if (failure instanceof DynamoException e) {
            ObjectNode body = MAPPER.createObjectNode().put("__type", e.type()).put("message", e.getMessage());
            if (e.extra() != null) {
                body.setAll(e.extra());
            }
            return new DynamoHttpEndpoint.ErrorMapper.Error(e.status(), body);
        }
        if (failure instanceof DynamoHttpEndpoint.MalformedRequest || failure instanceof IllegalArgumentException) {
            return new DynamoHttpEndpoint.ErrorMapper.Error(400, MAPPER.createObjectNode()
                    .put("__type", "com.amazon.coral.service#SerializationException").put("message", failure.getMessage()));
        }
        LOG.log(Level.WARNING, "DynamoDB engine failure", failure);
        return new DynamoHttpEndpoint.ErrorMapper.Error(500, MAPPER.createObjectNode()
                .put("__type", "com.amazonaws.dynamodb.v20120810#InternalServerError").put("message", "Internal server error: " + failure));
    }

    /** Stops serving; with a data directory, writes a snapshot first (a crash without close loses nothing acknowledged either). */
    @Override
    public void close() {
        http.close();
        sweeper.close();
        db.close();
    }

    /** Options of an engine; every one has a default. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Path dataDirectory;
        private int port;
        private Duration ttlSweepInterval = Duration.ofSeconds(1);

        /** The clock TTL, stream record times and transaction token expiry follow (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Where tables persist (snapshot + journal); null (default) for in memory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** 0 (default) for a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Real time between TTL sweeps (default 1 s); {@link Duration#ZERO} sweeps only on demand. */
        public Builder ttlSweepInterval(Duration interval) {
            this.ttlSweepInterval = interval;
            return this;
        }

        public DynamoEngine start() {
            try {
                return new DynamoEngine(this);
            } catch (IOException e) {
                throw new UncheckedIOException("the DynamoDB engine did not start", e);
            }
        }
    }
}
