package app.go.local.aws;

import app.go.wiring.topology.QueueSpec;
import app.go.wiring.topology.TableSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/** What {@link TopologyProvisioner} created: physical table names and queue URLs, by spec. */
public record ProvisionedResources(Map<TableSpec, String> tableNames,
                                   Map<QueueSpec, String> queueUrls,
                                   Map<QueueSpec, String> deadLetterQueueUrls) {

    public ProvisionedResources {
        tableNames = Map.copyOf(tableNames);
        queueUrls = Map.copyOf(queueUrls);
        deadLetterQueueUrls = Map.copyOf(deadLetterQueueUrls);
    }

    public String tableName(TableSpec table) {
        return require(tableNames, table, table.id());
    }

    public String queueUrl(QueueSpec queue) {
        return require(queueUrls, queue, queue.id());
    }

    public String deadLetterQueueUrl(QueueSpec queue) {
        return require(deadLetterQueueUrls, queue, queue.id());
    }

    /** The variables every function gets: {@code TableSpec.envVar -> table name}, {@code QueueSpec.envVar -> queue URL}. */
    public Map<String, String> environment() {
        return environment(Map.of());
    }

    /** {@link #environment()} plus {@code extra} (state machine ARNs, endpoints, credentials); extra wins on a clash. */
    public Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        tableNames.forEach((table, name) -> env.put(table.envVar(), name));
        queueUrls.forEach((queue, url) -> env.put(queue.envVar(), url));
        deadLetterQueueUrls.forEach((queue, url) -> env.put(queue.deadLetterEnvVar(), url));
        env.putAll(extra);
        return env;
    }

    private static <K> String require(Map<K, String> map, K key, String id) {
        String value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("not provisioned: " + id);
        }
        return value;
    }
}
