package app.go.local.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's parsing and statistics helpers only; nothing here is timed. */
class BenchHelpersTest {

    @Test
    @DisplayName("A probe's JSON line parses back to the figures it printed, in milliseconds")
    void probeLineRoundTrip() {
        String line = ProbeLine.format("handler", 85, 412_300_000L, 655_070_000L, 1160, true);
        assertTrue(line.startsWith(ProbeLine.PREFIX));
        ProbeLine parsed = ProbeLine.parse(line);
        assertEquals(new ProbeLine("handler", 85, 412.3, 655.1, 1160, true), parsed);
    }

    @Test
    @DisplayName("The probe line is found among the handler's own JSON log lines; none found gives null")
    void probeLineAmongLogs() {
        List<String> output = List.of("{\"level\":\"INFO\",\"message\":\"message handled\"}",
                "PROBE {\"probe\":\"floor\",\"jvmToMainMs\":70,\"constructMs\":300.5,\"firstInvokeMs\":200.0,\"totalMs\":575,\"ok\":false}");
        ProbeLine found = ProbeLine.find(output);
        assertEquals("floor", found.probe());
        assertEquals(575, found.totalMs());
        assertFalse(found.ok());
        assertNull(ProbeLine.find(List.of("{\"level\":\"INFO\"}")));
    }

    @Test
    @DisplayName("A primed probe line carries primeMs, inside totalMs; an unprimed line reads as primeMs 0")
    void primedProbeLine() {
        String line = ProbeLine.format("handler+primed", 80, 400_000_000L, 350_250_000L, 120_040_000L, 1000, true);
        ProbeLine parsed = ProbeLine.parse(line);
        assertEquals(new ProbeLine("handler+primed", 80, 400.0, 350.3, 120.0, 1000, true), parsed);
        assertEquals(649.7, parsed.totalWithoutPrimeMs(), 1e-9);
        ProbeLine unprimed = ProbeLine.parse(ProbeLine.format("handler", 85, 412_300_000L, 655_070_000L, 1160, true));
        assertEquals(0.0, unprimed.primeMs());
        assertEquals(1160.0, unprimed.totalWithoutPrimeMs());
        assertThrows(IllegalArgumentException.class, () -> ProbeLine.parse(
                "PROBE {\"probe\":\"handler+primed\",\"jvmToMainMs\":1,\"constructMs\":1,\"primeMs\":\"x\",\"firstInvokeMs\":1,\"totalMs\":1,\"ok\":true}"));
    }

    @Test
    @DisplayName("The primed summary puts the three first invocations side by side with the primed/floor ratio")
    void primedSummary() {
        com.fasterxml.jackson.databind.node.ObjectNode flags = app.go.support.json.Json.object();
        flags.putObject("handler").put("firstInvokeMsMedian", 576.0);
        flags.putObject("floor").put("firstInvokeMsMedian", 128.0);
        flags.putObject("handlerPrimed").put("firstInvokeMsMedian", 160.0).put("primeMsMedian", 420.0).put("totalWithoutPrimeMsMedian", 700.0);
        flags.put("ratioPrimedFirstInvokeOverFloorFirstInvoke", 1.25).put("ratioPrimedTotalWithoutPrimeOverFloorTotal", 1.4);
        String text = Bench.primedText(flags);
        assertTrue(text.contains("prime 420.0 ms"), text);
        assertTrue(text.contains("totalMs without it 700 (1.40x the floor's)"), text);
        assertTrue(text.contains("handler 576.0, handler+primed 160.0, floor 128.0; primed/floor: 1.25x"), text);
    }

    @Test
    @DisplayName("Part (a) prepares one conversation per handler run (unprimed and primed) plus the warm-up's")
    void coldStartCounts() {
        int flagSets = ColdStart.FLAG_SETS.size();
        assertEquals(1 + 2 * 5 * flagSets, ColdStart.conversations(5));
        assertEquals(2 + 3 * 5 * flagSets, ColdStart.childJvms(5));
    }

    @Test
    @DisplayName("A probe line without a figure, or not a probe line at all, is rejected")
    void malformedProbeLines() {
        assertThrows(IllegalArgumentException.class, () -> ProbeLine.parse("PROBE {\"probe\":\"handler\",\"ok\":true}"));
        assertThrows(IllegalArgumentException.class, () -> ProbeLine.parse("{\"probe\":\"handler\"}"));
    }

    @Test
    @DisplayName("Median: the middle value, or the mean of the two middle values, whatever the input order")
    void median() {
        assertEquals(3.0, Stats.median(List.of(5.0, 1.0, 3.0, 4.0, 2.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(7.0, Stats.median(List.of(7.0)));
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
    }

    @Test
    @DisplayName("Percentiles by nearest rank: p50/p95/p99/p100 of 1..100 and of a small sample")
    void percentiles() {
        List<Double> hundred = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> (double) (101 - i)).toList();
        assertEquals(50.0, Stats.percentile(hundred, 50));
        assertEquals(95.0, Stats.percentile(hundred, 95));
        assertEquals(99.0, Stats.percentile(hundred, 99));
        assertEquals(100.0, Stats.percentile(hundred, 100));
        List<Double> few = List.of(10.0, 30.0, 20.0);
        assertEquals(20.0, Stats.percentile(few, 50));
        assertEquals(30.0, Stats.percentile(few, 95));
        assertEquals(10.0, Stats.min(few));
        assertEquals(30.0, Stats.max(few));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(few, 0));
    }

    @Test
    @DisplayName("The reply poll backs off 10, 20, 40 ms and then stays at 50 ms, or at the given maximum")
    void pollBackoff() {
        List<Long> intervals = new java.util.ArrayList<>();
        long next = WarmPath.FIRST_POLL_MILLIS;
        for (int i = 0; i < 6; i++) {
            intervals.add(next);
            next = WarmPath.nextPollMillis(next, WarmPath.DEFAULT_MAX_POLL_MILLIS);
        }
        assertEquals(List.of(10L, 20L, 40L, 50L, 50L, 50L), intervals);
        assertEquals(200L, WarmPath.nextPollMillis(160, 200));
    }

    @Test
    @DisplayName("Server-side timings come from the runtime clock: POST to reply, stored to reply, replies per second")
    void serverSideTimings() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        WarmPath.ReplyTiming first = new WarmPath.ReplyTiming(t0, t0.plusMillis(12), t0.plusMillis(250));
        WarmPath.ReplyTiming second = new WarmPath.ReplyTiming(t0.plusMillis(100), t0.plusMillis(110), t0.plusMillis(1000));
        assertEquals(250.0, first.postToReplyMs());
        assertEquals(238.0, first.storedToReplyMs());
        WarmPath.Result result = new WarmPath.Result(2, List.of(260.0, 910.0), 0, List.of(), 1.0, List.of(first, second));
        assertEquals(List.of(250.0, 900.0), result.postToReplyMs());
        assertEquals(2.0, result.serverPerSecond(), 1e-9, "two replies from the first POST at t0 to the last reply at t0+1 s");
    }

    @Test
    @DisplayName("Bench options: defaults, --direct, --sqs-concurrency and --max-poll-ms; zero or unknown options are refused")
    void benchOptions() {
        Bench.Settings defaults = Bench.parse(new String[0]);
        assertEquals(100, defaults.direct());
        assertEquals(app.go.local.lambda.SqsEventSourcePoller.defaultConcurrency(), defaults.effectiveSqsConcurrency());
        Bench.Settings given = Bench.parse(new String[] {"--sqs-concurrency", "1", "--direct", "30", "--messages", "50"});
        assertEquals(1, given.effectiveSqsConcurrency());
        assertEquals(30, given.direct());
        assertEquals(50, given.messages());
        assertEquals(50, defaults.maxPollMillis());
        assertEquals(200, Bench.parse(new String[] {"--max-poll-ms", "200"}).maxPollMillis());
        assertThrows(IllegalArgumentException.class, () -> Bench.parse(new String[] {"--sqs-concurrency", "0"}));
        assertThrows(IllegalArgumentException.class, () -> Bench.parse(new String[] {"--nodelay", "true"}));
    }

    @Test
    @DisplayName("PA-LIM-2 / issue 7: the cost estimate prices input with the tool schema and the tool-use system prompt, output and the embedding; a seller-month is 30 days at the 50/day cap")
    void replyCost() {
        ReplyFigures.Cost cost = new ReplyFigures.Cost(600, 400, 200, 20);
        assertEquals(1_000 + ReplyFigures.TOOL_USE_SYSTEM_TOKENS, cost.inputTokens());
        double perReply = ((1_000 + ReplyFigures.TOOL_USE_SYSTEM_TOKENS) * 0.25 + 200 * 1.25 + 20 * 0.02) / 1e6;
        assertEquals(perReply, cost.perReplyUsd(), 1e-12);
        assertEquals(perReply * 1_500, cost.perSellerMonthUsd(), 1e-9);
    }
}
