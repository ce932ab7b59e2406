package app.go.support.config;

import java.util.Map;
import java.util.Optional;

/** Reads configuration from environment variables; the local runtime passes its own map instead. */
public final class Env {
    private final Map<String, String> values;

    public Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing environment variable " + name);
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    public String get(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public Map<String, String> asMap() {
        return values;
    }
}
