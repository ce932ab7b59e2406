package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every execution of the local executor in a folder, one JSON file each, rewritten atomically
 * when the execution enters a top-level state and when it finishes: status, input, and for a RUNNING
 * one the state it is in, that state's input and the time it entered it. Nothing in it depends on a
 * particular definition, so any state machine resumes the same way: the state it was in runs again
 * from its start (a Task is invoked again, at least once as with Lambda retries; a Wait keeps its
 * original target because its entered time is kept).
 * <p>
 * Once frozen (the runtime shutting down or crashing) nothing more is written: executions the
 * shutdown interrupts stay RUNNING on disk and resume on the next start.
 */
final class ExecutionJournal {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionJournal.class);
    static final ExecutionJournal NONE = new ExecutionJournal(null);

    /** One execution as kept on disk. {@code checkpoint} is null until it entered its first state. */
    record Entry(String executionArn, String stateMachineArn, String name, String input, JsonNode inputJson,
            Instant startDate, ExecutionStatus status, String output, String error, String cause, Instant stopDate,
            StateMachineInterpreter.Checkpoint checkpoint) {
    }

    private final Path directory;
    private volatile boolean frozen;

    ExecutionJournal(Path directory) {
        this.directory = directory;
    }

    boolean enabled() {
        return directory != null;
    }

    void freeze() {
        frozen = true;
    }

    void save(Entry entry) {
        if (directory == null || frozen) {
            return;
        }
        ObjectNode json = JsonPaths.MAPPER.createObjectNode();
        json.put("executionArn", entry.executionArn());
        json.put("stateMachineArn", entry.stateMachineArn());
        json.put("name", entry.name());
        json.put("input", entry.input());
        json.put("startDate", entry.startDate().toString());
        json.put("status", entry.status().name());
        json.put("output", entry.output());
        json.put("error", entry.error());
        json.put("cause", entry.cause());
        json.put("stopDate", entry.stopDate() == null ? null : entry.stopDate().toString());
        StateMachineInterpreter.Checkpoint checkpoint = entry.checkpoint();
        if (checkpoint != null) {
            ObjectNode at = json.putObject("checkpoint");
            at.put("state", checkpoint.state());
            at.set("input", checkpoint.input());
            at.put("enteredTime", checkpoint.enteredTime().toString());
        }
        Path file = directory.resolve(fileName(entry.executionArn()));
        Path temporary = directory.resolve(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(json.toString().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record execution " + entry.executionArn() + " in " + directory, e);
        }
    }

    /** Every execution kept, in no particular order; an unreadable file is skipped with a warning. */
    List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return entries;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    entries.add(parse(JsonPaths.MAPPER.readTree(file.toFile())));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("skipping unreadable execution record {}: {}", file.getFileName(), e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static Entry parse(JsonNode json) throws IOException {
        JsonNode at = json.get("checkpoint");
        StateMachineInterpreter.Checkpoint checkpoint = at == null || at.isNull() ? null
                : new StateMachineInterpreter.Checkpoint(at.get("state").asText(), at.get("input"),
                        Instant.parse(at.get("enteredTime").asText()));
        String input = json.get("input").asText();
        return new Entry(json.get("executionArn").asText(), json.get("stateMachineArn").asText(), json.get("name").asText(),
                input, JsonPaths.MAPPER.readTree(input), Instant.parse(json.get("startDate").asText()),
                ExecutionStatus.valueOf(json.get("status").asText()), text(json, "output"), text(json, "error"),
                text(json, "cause"), json.hasNonNull("stopDate") ? Instant.parse(json.get("stopDate").asText()) : null,
                checkpoint);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String fileName(String executionArn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(executionArn.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
