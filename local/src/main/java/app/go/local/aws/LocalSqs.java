package app.go.local.aws;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;


/**
 * ElasticMQ embedded in this JVM: the SQS API (query and JSON protocols, FIFO, content-based
 * deduplication, redrive to a dead-letter queue) on 127.0.0.1. Queue URLs name this host and port,
 * so a URL handed to a handler is directly usable by its {@code SqsClient}.
 * <p>
 * With a data directory, ElasticMQ's own message persistence (its SQL module, on an H2 file) keeps
 * queues and their messages across restarts: a send is acknowledged only once stored.
 */
public final class LocalSqs extends LoopbackServer {
    private static final Logger log = LoggerFactory.getLogger(LocalSqs.class);

    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(30);

    private final SQSRestServer server;
    private final ActorSystem actorSystem;

    private LocalSqs(SQSRestServer server, ActorSystem actorSystem, int port) {
        super(port);
        this.server = server;
        this.actorSystem = actorSystem;
    }

    /** On a free port. */
    public static LocalSqs start() {
        return start(0);
    }

    /** @param port 0 for a free port */
    public static LocalSqs start(int port) {
        return start(port, null);
    }

    /**
     * @param port    0 for a free port
     * @param dataDir where queues and messages persist across restarts; {@code null} for in memory
     */
    public static LocalSqs start(int port, Path dataDir) {
        int chosen = port == 0 ? FreePort.find() : port;
        long started = System.nanoTime();
        TheSQSRestServerBuilder builder = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(chosen)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", chosen, ""))
                .withAWSRegion(LocalAws.REGION)
                .withAWSAccountId(LocalAws.ACCOUNT_ID);
        ActorSystem actorSystem = null;
        ActorRef store = null;
        ActorRef manager = null;
        if (dataDir != null) {
            String uri = jdbcUri(dataDir);
            int released = releaseInFlight(uri);
            actorSystem = ActorSystem.create("go-local-sqs");
            SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", uri, "", "", false);
            store = actorSystem.actorOf(Props.create(SqlQueuePersistenceActor.class, config,
                    scala.collection.immutable.List$.MODULE$.empty()));
            manager = actorSystem.actorOf(Props.create(QueueManagerActor.class, new NowProvider(), StrictSQSLimits$.MODULE$,
                    scala.Option.apply(store)));
            builder = builder.withActorSystem(actorSystem).withQueueManagerActor(manager);
            if (released > 0) {
                log.info("{} messages in flight when the last run stopped are visible again", released);
            }
        }
        SQSRestServer server = builder.start();
        try {
            server.waitUntilStarted();
            if (store != null) {
                restore(store, manager);
            }
        } catch (RuntimeException e) {
            server.stopAndWait();
            if (actorSystem != null) actorSystem.terminate();
            throw new IllegalStateException("ElasticMQ did not start on port " + chosen + ": " + e.getMessage(), e);
        }
        log.info("ElasticMQ on port {} in {} ms ({})", chosen, millisSince(started),
                dataDir == null ? "in memory" : "messages kept in " + dataDir.toAbsolutePath());
        return new LocalSqs(server, actorSystem, chosen);
    }

    /** WRITE_DELAY=0: a message ElasticMQ acknowledged is on disk, even if the process is killed right after. */
    private static String jdbcUri(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("elasticmq") + ";WRITE_DELAY=0";
    }

    private static void restore(ActorRef store, ActorRef manager) {
        try {
            Object result = Patterns.ask(store, new QueueEvent.Restore(manager), RESTORE_TIMEOUT)
                    .toCompletableFuture().get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (result instanceof scala.util.Left<?, ?> errors) {
                throw new IllegalStateException("restoring the queues failed: " + errors.value());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring the queues", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("restoring the queues failed: " + e, e);
        }
    }

    /**
     * Messages a consumer of the previous run had received but not deleted: that consumer is gone with
     * its process, so they are visible again at once instead of after the rest of their visibility
     * timeout (a message never received keeps its delay).
     */
    private static int releaseInFlight(String uri) {
        long now = System.currentTimeMillis();
        int released = 0;
        try (Connection connection = DriverManager.getConnection(uri, "", "");
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND UPPER(TABLE_NAME) LIKE 'MESSAGE\\_%'")) {
                while (rows.next()) tables.add(rows.getString(1));
            }
            for (String table : tables) {
                released += statement.executeUpdate("UPDATE \"" + table.replace("\"", "\"\"") + "\" SET next_delivery = "
                        + now + " WHERE receive_count > 0 AND next_delivery > " + now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the queue store " + uri + ": " + e.getMessage(), e);
        }
        return released;
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        server.stopAndWait();
        if (actorSystem != null) {
            try {
                actorSystem.terminate();
                scala.concurrent.Await.ready(actorSystem.whenTerminated(), scala.concurrent.duration.Duration.create(10, TimeUnit.SECONDS));
            } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
                log.warn("ElasticMQ's actor system did not stop: {}", e.toString());
            }
        }
        log.info("ElasticMQ stopped in {} ms", millisSince(started));
    }
}
