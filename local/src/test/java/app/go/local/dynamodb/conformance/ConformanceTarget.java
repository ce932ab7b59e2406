package app.go.local.dynamodb.conformance;

import app.go.local.aws.LocalAws;
import app.go.local.dynamodb.DynamoEngine;
import cloud.localstack.Localstack;

import java.net.URI;

/** The DynamoDB endpoint a conformance class runs against: the project's engine, or LocalStack. */
interface ConformanceTarget extends AutoCloseable {
    URI endpoint();

    @Override
    void close();

    /** A fresh in-memory engine for the class. */
    static ConformanceTarget engine() {
        DynamoEngine engine = DynamoEngine.inMemory();
        return new ConformanceTarget() {
            @Override
            public URI endpoint() {
                return engine.endpoint();
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }

    /** LocalStack's DynamoDB, started by the class's {@code LocalstackDockerExtension}. */
    static ConformanceTarget localStack() {
        URI endpoint = URI.create(Localstack.INSTANCE.getEndpointDynamoDB());
        return new ConformanceTarget() {
            @Override
            public URI endpoint() {
                return endpoint;
            }

            @Override
            public void close() {}
        };
    }

    /** Region and credentials are the local runtime's; LocalStack accepts any. */
    static String region() {
        return LocalAws.REGION;
    }
}
