package app.go.local.bench;

import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One cold-start measurement, printed by a probe in its child JVM as a single line
 * {@code PROBE {"probe":...,"jvmToMainMs":...,"constructMs":...,"firstInvokeMs":...,"totalMs":...,"ok":...}}
 * and parsed back by the bench. A primed run adds {@code "primeMs"} (the priming between construction
 * and the first invocation, inside totalMs); without it primeMs is 0. The child runs on assistant.jar
 * plus the probe classes only, so {@link #format} uses nothing but the JDK; {@link #parse} runs in the bench.
 */
public record ProbeLine(String probe, double jvmToMainMs, double constructMs, double primeMs, double firstInvokeMs, double totalMs,
                        boolean ok) {
    public static final String PREFIX = "PROBE ";

    public ProbeLine(String probe, double jvmToMainMs, double constructMs, double firstInvokeMs, double totalMs, boolean ok) {
        this(probe, jvmToMainMs, constructMs, 0, firstInvokeMs, totalMs, ok);
    }

    /** JVM start to first invocation done, less the priming (which SnapStart does before its snapshot). */
    public double totalWithoutPrimeMs() {
        return totalMs - primeMs;
    }

    /** The line a probe prints; times in milliseconds, {@code nanos} arguments converted here. */
    static String format(String probe, long jvmToMainMs, long constructNanos, long firstInvokeNanos, long totalMs, boolean ok) {
        return String.format(java.util.Locale.ROOT,
                "%s{\"probe\":\"%s\",\"jvmToMainMs\":%d,\"constructMs\":%.1f,\"firstInvokeMs\":%.1f,\"totalMs\":%d,\"ok\":%b}",
                PREFIX, probe, jvmToMainMs, constructNanos / 1e6, firstInvokeNanos / 1e6, totalMs, ok);
    }

    /** The line of a primed run. */
    static String format(String probe, long jvmToMainMs, long constructNanos, long primeNanos, long firstInvokeNanos, long totalMs,
                         boolean ok) {
        return String.format(java.util.Locale.ROOT,
                "%s{\"probe\":\"%s\",\"jvmToMainMs\":%d,\"constructMs\":%.1f,\"primeMs\":%.1f,\"firstInvokeMs\":%.1f,"
                        + "\"totalMs\":%d,\"ok\":%b}",
                PREFIX, probe, jvmToMainMs, constructNanos / 1e6, primeNanos / 1e6, firstInvokeNanos / 1e6, totalMs, ok);
    }

    /** The probe line among a child's output lines (its handler logs JSON lines too), or null. */
    public static ProbeLine find(Iterable<String> outputLines) {
        for (String line : outputLines) {
            if (line.startsWith(PREFIX)) {
                return parse(line);
            }
        }
        return null;
    }

    public static ProbeLine parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a probe line: " + line);
        }
        JsonNode json = Json.parse(line.substring(PREFIX.length()));
        double primeMs = json.has("primeMs") ? number(json, "primeMs") : 0;
        return new ProbeLine(json.path("probe").asText(), number(json, "jvmToMainMs"), number(json, "constructMs"), primeMs,
                number(json, "firstInvokeMs"), number(json, "totalMs"), json.path("ok").asBoolean(false));
    }

    private static double number(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("probe line without a number " + field + ": " + json);
        }
        return value.asDouble();
    }
}
