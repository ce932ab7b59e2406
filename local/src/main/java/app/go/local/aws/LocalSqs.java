package app.go.local.aws;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

/**
 * ElasticMQ embedded in this JVM: the SQS API (query and JSON protocols, FIFO, content-based
 * deduplication, redrive to a dead-letter queue) on 127.0.0.1. Queue URLs name this host and port,
 * so a URL handed to a handler is directly usable by its {@code SqsClient}.
 */
public final class LocalSqs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalSqs.class);

    private final SQSRestServer server;
    private final int port;

    private LocalSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** On a free port. */
    public static LocalSqs start() {
        return start(0);
    }

    /** @param port 0 for a free port */
    public static LocalSqs start(int port) {
        int chosen = port == 0 ? FreePort.find() : port;
        long started = System.nanoTime();
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(chosen)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", chosen, ""))
                .withAWSRegion(LocalAws.REGION)
                .withAWSAccountId(LocalAws.ACCOUNT_ID)
                .start();
        try {
            server.waitUntilStarted();
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw new IllegalStateException("ElasticMQ did not start on port " + chosen + ": " + e.getMessage(), e);
        }
        log.info("ElasticMQ on port {} in {} ms", chosen, (System.nanoTime() - started) / 1_000_000);
        return new LocalSqs(server, chosen);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        server.stopAndWait();
        log.info("ElasticMQ stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
