package app.go.local.dynamodb.conformance;

import app.go.local.localstack.LocalStackAuthToken;
import cloud.localstack.docker.LocalstackDockerExtension;
import cloud.localstack.docker.annotation.LocalstackDockerProperties;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same cases against LocalStack: {@code mvn -Plocalstack verify} (Docker, LOCALSTACK_AUTH_TOKEN). */
@ExtendWith(LocalstackDockerExtension.class)
@LocalstackDockerProperties(services = {"dynamodb"}, environmentVariableProvider = LocalStackAuthToken.class)
class TransactionBatchLocalStackIT extends TransactionBatchConformance {
    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.localStack();
    }
}
