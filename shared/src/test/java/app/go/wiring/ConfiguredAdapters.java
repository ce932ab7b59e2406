package app.go.wiring;

import app.go.adapter.offline.OfflineLanguageModel;
import app.go.support.config.Env;
import app.go.testing.InMemoryBlobStore;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The deployed wiring with dummy AWS credentials and this configuration: no call leaves the test. */
final class ConfiguredAdapters {
    private ConfiguredAdapters() {}

    static Adapters with(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "x",
                "AWS_SECRET_ACCESS_KEY", "y"));
        all.putAll(env);
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        return new Adapters(new Env(all), Clock.systemUTC(), a -> new OfflineLanguageModel(), a -> blobs);
    }
}
