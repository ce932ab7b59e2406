package app.go.local.bench;

import app.go.local.aws.FreePort;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.net.URI;

/** DynamoDB Local in memory, only to measure the engine against it before it leaves the build. */
final class DynamoDbLocalForComparison {
    private DynamoDbLocalForComparison() {}

    static EngineBench.Engine start() throws Exception {
        int port = FreePort.find();
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-port", Integer.toString(port), "-sharedDb", "-disableTelemetry", "-inMemory"});
        server.start();
        return new EngineBench.Engine() {
            @Override
            public URI endpoint() {
                return URI.create("http://127.0.0.1:" + port);
            }

            @Override
            public void close() {
                try {
                    server.stop();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
