package app.go.domain.safety;

import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the labelled safety sets of {@code eval/safety/} (see its README). */
public final class SafetyEvalSets {
    private SafetyEvalSets() {}

    public static List<JsonNode> jsonl(String file) {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : lines(file)) {
            if (!line.isBlank()) {
                rows.add(Json.parse(line));
            }
        }
        return rows;
    }

    public static List<String> names(String file) {
        return lines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static List<String> lines(String file) {
        try (InputStream in = SafetyEvalSets.class.getResourceAsStream("/eval/safety/" + file)) {
            if (in == null) {
                throw new IllegalStateException("eval/safety/" + file + " is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
