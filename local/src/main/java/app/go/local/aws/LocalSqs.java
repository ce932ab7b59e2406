package app.go.local.aws;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * ElasticMQ embedded in this JVM: the SQS API (query and JSON protocols, FIFO, content-based
 * deduplication, redrive to a dead-letter queue) on 127.0.0.1. Queue URLs name this host and port,
 * so a URL handed to a handler is directly usable by its {@code SqsClient}.
 */
public final class LocalSqs extends LoopbackServer {
    private static final Logger log = LoggerFactory.getLogger(LocalSqs.class);

    private final SQSRestServer server;

    private LocalSqs(SQSRestServer server, int port) {
        super(port);
        this.server = server;
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
        log.info("ElasticMQ on port {} in {} ms", chosen, millisSince(started));
        return new LocalSqs(server, chosen);
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        server.stopAndWait();
        log.info("ElasticMQ stopped in {} ms", millisSince(started));
    }
}
