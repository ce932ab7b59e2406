package app.go.domain.safety;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import java.util.Set;

class ScratchTest {
    static final Set<Long> PRICES = Set.of(5000L, 9000L, 13500L);
    @Test
    void dump() {
        int fp = 0, fn = 0;
        for (JsonNode r : SafetyEvalSets.jsonl("knowledge-redteam.jsonl")) {
            var res = KnowledgeScreening.screen(r.path("question").asText(), r.path("answer").asText(), PRICES);
            boolean rej = res.isPresent();
            boolean want = r.path("expect").asText().equals("rejected");
            if (rej != want) {
                if (want) fn++; else fp++;
                System.out.println("KB " + (want ? "MISS " : "FP   ") + r.path("id").asText() + " " + r.path("lang").asText() + " " + r.path("category").asText() + " | " + r.path("answer").asText() + " -> " + res);
            }
        }
        System.out.println("KB fp=" + fp + " fn=" + fn);
        fp = 0; fn = 0;
        for (JsonNode r : SafetyEvalSets.jsonl("off-platform.jsonl")) {
            var res = OffPlatformDetector.detect(r.path("text").asText());
            boolean want = r.path("expect").asText().equals("off_platform");
            if (res.isPresent() != want) {
                if (want) fn++; else fp++;
                System.out.println("OP " + (want ? "MISS " : "FP   ") + r.path("id").asText() + " " + r.path("lang").asText() + " | " + r.path("text").asText() + " -> " + res);
            }
        }
        System.out.println("OP fp=" + fp + " fn=" + fn);
        fp = 0; fn = 0; int wrong = 0;
        for (String n : SafetyEvalSets.names("names-ordinary.txt")) {
            var r = app.go.domain.assistant.NameRules.check(n);
            if (r.isPresent()) { fp++; System.out.println("NM FP   " + n + " -> " + r.get()); }
        }
        for (JsonNode row : SafetyEvalSets.jsonl("names-refused.jsonl")) {
            var r = app.go.domain.assistant.NameRules.check(row.path("name").asText());
            if (r.isEmpty()) { fn++; System.out.println("NM MISS " + row.path("lang").asText() + " " + row.path("rule").asText() + " | " + row.path("name").asText()); }
            else {
                String want = row.path("rule").asText();
                String got = switch (r.get().category()) { case OFFENSIVE -> "offensive"; case IMPERSONATION -> "platform"; case PERSON -> "person"; case BRAND -> "brand"; default -> "other"; };
                if (!got.equals(want)) { wrong++; System.out.println("NM RULE " + want + "->" + got + " | " + row.path("name").asText() + " " + r.get().word()); }
            }
        }
        System.out.println("NM fp=" + fp + " fn=" + fn + " wrongRule=" + wrong);
    }
}
