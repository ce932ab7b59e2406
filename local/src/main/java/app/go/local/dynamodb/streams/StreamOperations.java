package app.go.local.dynamodb.streams;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * ListStreams, DescribeStream, GetShardIterator, GetRecords ({@code DynamoDBStreams_20120810}). A
 * shard iterator encodes the stream and the index of the next record to read.
 */
public final class StreamOperations {
    private final StreamRecords records;

    public StreamOperations(StreamRecords records) {
        this.records = records;
    }

    public ObjectNode listStreams(JsonNode request) {
        records.registerTables();
        String table = request.path("TableName").asText(null);
        ObjectNode response = Values.JSON.objectNode();
        ArrayNode list = response.putArray("Streams");
        records.streams().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(entry -> table == null || entry.getValue().schema().name().equals(table))
                .forEach(entry -> list.addObject().put("StreamArn", entry.getKey())
                        .put("TableName", entry.getValue().schema().name())
                        .put("StreamLabel", entry.getValue().schema().streamLabel()));
        return response;
    }

    public ObjectNode describeStream(JsonNode request) {
        String arn = request.path("StreamArn").asText();
        StreamRecords.Stream stream = stream(arn);
        ObjectNode response = Values.JSON.objectNode();
        ObjectNode description = response.putObject("StreamDescription");
        description.put("StreamArn", arn).put("StreamLabel", stream.schema().streamLabel()).put("StreamStatus", "ENABLED")
                .put("StreamViewType", stream.schema().streamViewType())
                .put("CreationRequestDateTime", stream.schema().createdAtMillis() / 1000.0)
                .put("TableName", stream.schema().name());
        ArrayNode keys = description.putArray("KeySchema");
        keys.addObject().put("AttributeName", stream.schema().hashKey()).put("KeyType", "HASH");
        if (stream.schema().rangeKey() != null) {
            keys.addObject().put("AttributeName", stream.schema().rangeKey()).put("KeyType", "RANGE");
        }
        ObjectNode shard = description.putArray("Shards").addObject().put("ShardId", StreamRecords.SHARD_ID);
        shard.putObject("SequenceNumberRange").put("StartingSequenceNumber",
                stream.records().isEmpty() ? "100000000000000000001" : sequenceOf(stream.records().get(0)));
        return response;
    }

    public ObjectNode getShardIterator(JsonNode request) {
        String arn = request.path("StreamArn").asText();
        StreamRecords.Stream stream = stream(arn);
        if (!StreamRecords.SHARD_ID.equals(request.path("ShardId").asText())) {
            throw DynamoException.resourceNotFound("Requested resource not found: Shard does not exist");
        }
        List<ObjectNode> list = stream.records();
        String type = request.path("ShardIteratorType").asText();
        int position = switch (type) {
            case "TRIM_HORIZON" -> 0;
            case "LATEST" -> list.size();
            case "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER" -> {
                String sequence = request.path("SequenceNumber").asText();
                int found = -1;
                for (int i = 0; i < list.size(); i++) {
                    if (sequenceOf(list.get(i)).equals(sequence)) {
                        found = i;
                        break;
                    }
                }
                if (found < 0) {
                    throw DynamoException.validation("Invalid SequenceNumber for ShardIterator");
                }
                yield type.equals("AT_SEQUENCE_NUMBER") ? found : found + 1;
            }
            default -> throw DynamoException.validation("1 validation error detected: Value '" + type
                    + "' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
        };
        ObjectNode response = Values.JSON.objectNode();
        response.put("ShardIterator", iterator(arn, position));
        return response;
    }

    public ObjectNode getRecords(JsonNode request) {
        String[] decoded = decode(request.path("ShardIterator").asText());
        String arn = decoded[0];
        int position = Integer.parseInt(decoded[1]);
        List<ObjectNode> list = stream(arn).records();
        int limit = request.path("Limit").asInt(1000);
        int end = Math.min(list.size(), position + limit);
        ObjectNode response = Values.JSON.objectNode();
        ArrayNode out = response.putArray("Records");
        for (int i = position; i < end; i++) {
            out.add(list.get(i));
        }
        response.put("NextShardIterator", iterator(arn, end));
        return response;
    }

    private StreamRecords.Stream stream(String arn) {
        records.registerTables();
        StreamRecords.Stream stream = records.streams().get(arn);
        if (stream == null) {
            throw DynamoException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
        }
        return stream;
    }

    private static String sequenceOf(ObjectNode record) {
        return record.get("dynamodb").get("SequenceNumber").asText();
    }

    private static String iterator(String arn, int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((arn + "|" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String iterator) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException();
            }
            return new String[] {text.substring(0, bar), text.substring(bar + 1)};
        } catch (IllegalArgumentException e) {
            throw DynamoException.validation("Invalid ShardIterator");
        }
    }
}
