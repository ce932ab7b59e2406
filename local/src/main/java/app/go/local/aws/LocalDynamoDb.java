package app.go.local.aws;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local, the real engine, embedded in this JVM and reached over HTTP on 127.0.0.1.
 * In memory unless given a data directory; one database for every credential and region
 * ({@code -sharedDb}) so handlers and tools see the same tables whatever keys they sign with.
 *
 * <p>DynamoDB Local 3.x carries its own SQLite natives inside its jar and extracts them to a temporary
 * directory on first use, so neither {@code sqlite4java.library.path} nor the separate
 * {@code libsqlite4java-*} artifacts are needed, in the tests or in the shaded jar.
 */
public final class LocalDynamoDb extends LoopbackServer {
    private static final Logger log = LoggerFactory.getLogger(LocalDynamoDb.class);
    /** Held so the level sticks: in the shaded jar sqlite4java warns "unknown jar version" (its manifest is merged away). */
    private static final java.util.logging.Logger SQLITE_LOG = java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

    static {
        SQLITE_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final DynamoDBProxyServer server;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        super(port);
        this.server = server;
    }

    /** In memory, on a free port. */
    public static LocalDynamoDb start() {
        return start(0, null);
    }

    /**
     * @param port    0 for a free port
     * @param dataDir where tables persist across restarts; {@code null} for in memory
     */
    public static LocalDynamoDb start(int port, Path dataDir) {
        int chosen = port == 0 ? FreePort.find() : port;
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(chosen), "-sharedDb", "-disableTelemetry"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            createDirectories(dataDir);
            args.addAll(List.of("-dbPath", dataDir.toAbsolutePath().toString()));
        }
        long started = System.nanoTime();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            bindToLoopback(server);
            server.start();
            log.info("DynamoDB Local on port {} ({}) in {} ms", chosen,
                    dataDir == null ? "in memory" : dataDir.toAbsolutePath(), millisSince(started));
            return new LocalDynamoDb(server, chosen);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + chosen + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            server.stop();
            log.info("DynamoDB Local stopped in {} ms", millisSince(started));
        } catch (Exception e) {
            log.warn("DynamoDB Local did not stop cleanly: {}", e.toString());
        }
    }

    /** DynamoDB Local has no option for the listen address and would accept connections on every interface. */
    private static void bindToLoopback(DynamoDBProxyServer proxy) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            for (Connector connector : ((Server) field.get(proxy)).getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.setHost("127.0.0.1");
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("DynamoDB Local listens on all interfaces (could not restrict it to 127.0.0.1: {})", e.toString());
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + dir, e);
        }
    }
}
