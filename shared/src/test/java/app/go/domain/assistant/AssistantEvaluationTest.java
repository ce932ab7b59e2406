package app.go.domain.assistant;

import app.go.support.json.Json;
import app.go.testing.eval.AssistantEvaluation;
import app.go.testing.eval.AssistantEvaluation.Result;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7 item 7 / issue 13 item 5: the labelled set, through the real domain path with the offline
 * model. Writes {@code target/eval/assistant-eval.json} (read by the bench) and the misses beside it.
 */
class AssistantEvaluationTest {
    /**
     * Floors below which the build fails. The target is 95 % right outcomes and no requirement
     * re-asked; the offline model measures 88.2 % and 31 of 33 today, so these floors guard what exists
     * against regressions, and the bench reports the real figures next to the targets.
     */
    static final double MIN_ACCURACY = 0.87;
    static final double MIN_NOT_RE_ASKED = 0.90;
    static final double MAX_FALSE_HANDOFFS = 0.01;

    @Test
    @DisplayName("PA-BEH-1..3 / PA-KB-4 the labelled set: right outcomes, false handoffs and requirements not re-asked, per language and outcome")
    void labelledSet() throws IOException {
        AssistantEvaluation evaluation = new AssistantEvaluation();
        List<Result> results = evaluation.run();
        long right = results.stream().filter(Result::right).count();
        long notHandoff = results.stream().filter(r -> !r.expected().equals("handoff")).count();
        long falseHandoffs = results.stream().filter(Result::falseHandoff).count();
        List<Result> multiTurn = results.stream().filter(Result::multiTurnGather).toList();
        long notReAsked = multiTurn.stream().filter(r -> !r.reAsked()).count();
        double accuracy = (double) right / results.size();
        double falseRate = (double) falseHandoffs / notHandoff;

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cases", results.size());
        report.put("accuracy", accuracy);
        report.put("falseHandoffs", falseHandoffs);
        report.put("falseHandoffRate", falseRate);
        report.put("multiTurnGatherCases", multiTurn.size());
        report.put("requirementsNotReAsked", multiTurn.isEmpty() ? 1.0 : (double) notReAsked / multiTurn.size());
        report.put("replyInClientLanguage", (double) results.stream().filter(Result::inClientLanguage).count() / results.size());
        report.put("byLanguage", rates(AssistantEvaluation.by(results, Result::language)));
        report.put("byOutcome", rates(AssistantEvaluation.by(results, Result::expected)));
        Path out = Path.of("target", "eval");
        Files.createDirectories(out);
        Files.writeString(out.resolve("assistant-eval.json"), Json.write(report), StandardCharsets.UTF_8);
        StringBuilder misses = new StringBuilder();
        results.stream().filter(r -> !r.right()).forEach(r -> misses.append(r.id()).append('\t').append(r.expected())
                .append(" -> ").append(r.actual()).append('\t').append(r.reply().replace('\n', ' '))
                .append(r.modelReply().equals(r.reply()) ? "" : "\tmodel: " + r.modelReply().replace('\n', ' ')).append('\n'));
        Files.writeString(out.resolve("assistant-misses.tsv"), misses, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "PA eval: %d cases, accuracy %.3f, false handoffs %d (%.3f), requirements not re-asked %d/%d%n",
                results.size(), accuracy, falseHandoffs, falseRate, notReAsked, multiTurn.size());

        assertTrue(accuracy >= MIN_ACCURACY, String.format(Locale.ROOT, "accuracy %.3f below %.2f; misses in target/eval", accuracy, MIN_ACCURACY));
        assertTrue(falseRate <= MAX_FALSE_HANDOFFS, String.format(Locale.ROOT, "false handoffs %.3f above %.2f", falseRate, MAX_FALSE_HANDOFFS));
        assertTrue(notReAsked >= MIN_NOT_RE_ASKED * multiTurn.size(), "requirements re-asked in " + (multiTurn.size() - notReAsked) + " multi-turn cases");
    }

    private static Map<String, Object> rates(Map<String, double[]> table) {
        Map<String, Object> rates = new LinkedHashMap<>();
        table.forEach((key, row) -> rates.put(key, Map.of("right", (int) row[0], "cases", (int) row[1], "accuracy", row[0] / row[1])));
        return rates;
    }
}
