package app.go.local.localstack;

import cloud.localstack.docker.annotation.IEnvironmentVariableProvider;

import java.util.HashMap;
import java.util.Map;

/** Passes LOCALSTACK_AUTH_TOKEN (needed by current LocalStack images) from the host into the container. */
public final class LocalStackAuthToken implements IEnvironmentVariableProvider {
    @Override
    public Map<String, String> getEnvironmentVariables() {
        Map<String, String> env = new HashMap<>();
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            env.put("LOCALSTACK_AUTH_TOKEN", token);
        }
        return env;
    }
}
