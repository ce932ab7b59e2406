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
 * model, on the tuned set and on the held-out set. Writes {@code target/eval/assistant-eval.json} and
 * {@code assistant-held-out-eval.json} (read by the bench) and the misses beside them.
 */
class AssistantEvaluationTest {
    /**
     * Floors below which the build fails, a little under what the offline model measures (tuned set
     * 97.6 %, 0 false handoffs, 33 of 33 not re-asked; held-out set 97.6 %, 0 false handoffs in 101,
     * 8 of 8). The target is 95 % right outcomes and at most 1 % false handoffs.
     */
    static final double MIN_ACCURACY = 0.96;
    static final double MIN_NOT_RE_ASKED = 0.95;
    static final double MAX_FALSE_HANDOFFS = 0.01;
    /** The held-out set is never tuned against, so its floors sit further below its measure. */
    static final double MIN_HELD_OUT_ACCURACY = 0.94;
    static final double MIN_HELD_OUT_NOT_RE_ASKED = 0.85;
    static final double MAX_HELD_OUT_FALSE_HANDOFFS = 0.01;

    @Test
    @DisplayName("PA-BEH-1..3 / PA-KB-4 the labelled set: right outcomes, false handoffs and requirements not re-asked, per language and outcome")
    void labelledSet() throws IOException {
        Score score = score(AssistantEvaluation.MESSAGES, "assistant");
        assertTrue(score.accuracy() >= MIN_ACCURACY, String.format(Locale.ROOT, "accuracy %.3f below %.2f; misses in target/eval", score.accuracy(), MIN_ACCURACY));
        assertTrue(score.falseHandoffRate() <= MAX_FALSE_HANDOFFS, String.format(Locale.ROOT, "false handoffs %.3f above %.2f", score.falseHandoffRate(), MAX_FALSE_HANDOFFS));
        assertTrue(score.notReAsked() >= MIN_NOT_RE_ASKED, String.format(Locale.ROOT, "requirements not re-asked %.3f below %.2f", score.notReAsked(), MIN_NOT_RE_ASKED));
    }

    @Test
    @DisplayName("PA-BEH-1..3 / PA-KB-4 / PA-BEH-1 multi-turn the held-out set (new phrasings, 19 languages, never tuned against) keeps the same goals")
    void heldOutSet() throws IOException {
        Score score = score(AssistantEvaluation.HELD_OUT, "assistant-held-out");
        assertTrue(score.accuracy() >= MIN_HELD_OUT_ACCURACY, String.format(Locale.ROOT, "held-out accuracy %.3f below %.2f", score.accuracy(), MIN_HELD_OUT_ACCURACY));
        assertTrue(score.falseHandoffRate() <= MAX_HELD_OUT_FALSE_HANDOFFS, String.format(Locale.ROOT, "held-out false handoffs %.3f above %.2f", score.falseHandoffRate(), MAX_HELD_OUT_FALSE_HANDOFFS));
        assertTrue(score.notReAsked() >= MIN_HELD_OUT_NOT_RE_ASKED, String.format(Locale.ROOT, "held-out not re-asked %.3f below %.2f", score.notReAsked(), MIN_HELD_OUT_NOT_RE_ASKED));
    }

    private record Score(double accuracy, double falseHandoffRate, double notReAsked) {}

    /** Runs one case file and writes {@code target/eval/<name>-eval.json} (read by the bench) and the misses beside it. */
    private static Score score(String casesFile, String name) throws IOException {
        List<Result> results = new AssistantEvaluation(casesFile).run();
        long right = results.stream().filter(Result::right).count();
        long notHandoff = results.stream().filter(r -> !r.expected().equals("handoff")).count();
        long falseHandoffs = results.stream().filter(Result::falseHandoff).count();
        List<Result> multiTurn = results.stream().filter(Result::multiTurnGather).toList();
        long notReAsked = multiTurn.stream().filter(r -> !r.reAsked()).count();
        double accuracy = (double) right / results.size();
        double falseRate = (double) falseHandoffs / notHandoff;
        double notReAskedRate = multiTurn.isEmpty() ? 1.0 : (double) notReAsked / multiTurn.size();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("set", casesFile);
        report.put("cases", results.size());
        report.put("accuracy", accuracy);
        report.put("falseHandoffs", falseHandoffs);
        report.put("falseHandoffRate", falseRate);
        report.put("multiTurnGatherCases", multiTurn.size());
        report.put("requirementsNotReAsked", notReAskedRate);
        report.put("replyInClientLanguage", (double) results.stream().filter(Result::inClientLanguage).count() / results.size());
        report.put("byLanguage", rates(AssistantEvaluation.by(results, Result::language)));
        report.put("byOutcome", rates(AssistantEvaluation.by(results, Result::expected)));
        Path out = Path.of("target", "eval");
        Files.createDirectories(out);
        Files.writeString(out.resolve(name + "-eval.json"), Json.write(report), StandardCharsets.UTF_8);
        StringBuilder misses = new StringBuilder();
        results.stream().filter(r -> !r.right()).forEach(r -> misses.append(r.id()).append('\t').append(r.expected())
                .append(" -> ").append(r.actual()).append('\t').append(r.reply().replace('\n', ' '))
                .append(r.modelReply().equals(r.reply()) ? "" : "\tmodel: " + r.modelReply().replace('\n', ' ')).append('\n'));
        Files.writeString(out.resolve(name + "-misses.tsv"), misses, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "PA eval %s: %d cases, accuracy %.3f, false handoffs %d (%.3f), requirements not re-asked %d/%d%n",
                casesFile, results.size(), accuracy, falseHandoffs, falseRate, notReAsked, multiTurn.size());
        return new Score(accuracy, falseRate, notReAskedRate);
    }

    private static Map<String, Object> rates(Map<String, double[]> table) {
        Map<String, Object> rates = new LinkedHashMap<>();
        table.forEach((key, row) -> rates.put(key, Map.of("right", (int) row[0], "cases", (int) row[1], "accuracy", row[0] / row[1])));
        return rates;
    }
}
