package app.go.support.log;

import app.go.support.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured JSON logs, one line per event, with the keys of the current invocation (request id,
 * function, conversation id, ...) added to every line. In Lambda, stdout goes to CloudWatch Logs,
 * where these lines can be queried by key. Values are identifiers and counts, never message text
 * or personal data (DATA-2). Errors carry their stack trace; {@link #count} writes a business
 * metric as an EMF line.
 *
 * <p>Why not Powertools logging (powertools-logging-log4j 2.9.0, measured on the 2-core dev machine):
 * it adds 3.9 MB of jars per function (log4j-core, its JSON layout, jmespath, joda-time) and a fresh
 * JVM needs about 840 ms of CPU to its first JSON line against about 330 ms with this class (median
 * of 7, Lambda's {@code -XX:TieredStopAtLevel=1}, Jackson loaded in both) — for what these lines do:
 * JSON with the request, conversation and seller ids as keys, stack traces, EMF.
 */
public final class Log {
    private static final ThreadLocal<Map<String, String>> CONTEXT = ThreadLocal.withInitial(LinkedHashMap::new);
    private static volatile PrintStream out = System.out;

    private final String logger;

    private Log(String logger) {
        this.logger = logger;
    }

    public static Log get(Class<?> type) {
        return new Log(type.getSimpleName());
    }

    /** Adds a key to every line this thread logs until {@link #clearContext()}. */
    public static void put(String key, String value) {
        if (value != null) {
            CONTEXT.get().put(key, value);
        }
    }

    public static void clearContext() {
        CONTEXT.get().clear();
    }

    /** Lets the local runtime and tests capture the stream. */
    public static void redirect(PrintStream stream) {
        out = stream;
    }

    public void info(String message, Object... keyValues) {
        write("INFO", message, null, keyValues);
    }

    public void warn(String message, Object... keyValues) {
        write("WARN", message, null, keyValues);
    }

    public void error(String message, Throwable error, Object... keyValues) {
        write("ERROR", message, error, keyValues);
    }

    private void write(String level, String message, Throwable error, Object[] keyValues) {
        ObjectNode line = Json.object();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("logger", logger);
        line.put("message", message);
        CONTEXT.get().forEach(line::put);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            line.putPOJO(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        if (error != null) {
            line.put("errorType", error.getClass().getName());
            line.put("error", String.valueOf(error.getMessage()));
            line.put("stackTrace", stackTrace(error));
        }
        out.println(Json.write(line));
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /**
     * Counts one business event: a CloudWatch Embedded Metric Format line (namespace
     * {@value BusinessMetric#NAMESPACE}, dimension service=go) that also carries this thread's keys,
     * so a metric's data points can be traced to their requests.
     */
    public static void count(BusinessMetric metric) {
        ObjectNode line = Json.object();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", System.currentTimeMillis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", BusinessMetric.NAMESPACE);
        directive.putArray("Dimensions").addArray().add(BusinessMetric.SERVICE_DIMENSION);
        directive.putArray("Metrics").addObject().put("Name", metric.metricName()).put("Unit", "Count");
        line.put(BusinessMetric.SERVICE_DIMENSION, BusinessMetric.SERVICE);
        line.put(metric.metricName(), 1);
        CONTEXT.get().forEach(line::put);
        out.println(Json.write(line));
    }
}
