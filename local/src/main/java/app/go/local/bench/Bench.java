package app.go.local.bench;

import app.go.local.GoLocal;
import app.go.local.lambda.SqsEventSourcePoller;
import app.go.support.json.Json;
import app.go.support.log.Log;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Go bench: cold start of the assistant's Lambda handler, warm throughput of the message path and the
 * reply's prompt size, DynamoDB calls and cost.
 *
 * <pre>
 * Usage (from the repository root):
 *   mvn -B -o -q -pl functions/assistant package -DskipTests     # functions/assistant/target/assistant.jar
 *   mvn -B -o -q -pl local package -DskipTests                   # local/target/go-local.jar
 *   java -cp local/target/go-local.jar app.go.local.bench.Bench [--runs 5] [--messages 200]
 *        [--threads 8] [--warmup 20] [--direct 100] [--sqs-concurrency N] [--max-poll-ms 50]
 *        [--assistant-jar functions/assistant/target/assistant.jar]
 *
 * What it measures, in one run against one GoLocal instance:
 *   (a) Cold start, fresh child JVM per run, per flag set (Lambda's C1-only flags, and JVM defaults):
 *       handler = assistant.jar + ColdStartProbe: new OnMessageHandler() and one real SQS record
 *                 whose client message it answers (verified afterwards over HTTP);
 *       floor   = assistant.jar + FloorProbe: the same SDK clients and one DynamoDB GetItem;
 *       handler+primed = as handler, with OnMessagePriming.prime() between construction and the
 *                 invocation, timed apart as primeMs (under SnapStart it runs before the snapshot).
 *       Median and min/max of totalMs (JVM start to first invocation done), the handler/floor ratio,
 *       and medians of jvmToMainMs, constructMs, firstInvokeMs and the child's fork-to-exit time;
 *       for handler+primed also primeMs, totalMs without it, and its firstInvokeMs over the floor's.
 *   (b) Warm message path: N new conversations from distinct clients (<= 40 per seller), sent by a
 *       pool of HTTP clients, through the SQS poller running --sqs-concurrency batches at once
 *       (GoLocal's default unless given). Client latency: from just before POST /conversations until
 *       the ASSISTANT reply shows in GET /conversations/{id}/messages (polled 10, 20, 40, then every
 *       --max-poll-ms ms: each poll is a GET with DynamoDB reads, i.e. load on the cores measured). Server latency, independent of polling: the reply's createdAt minus the runtime clock
 *       read just before the POST (same clock, same JVM), and the reply's createdAt minus the client
 *       message's. messages/s over the batch, by client and by runtime clock; a warm-up batch is excluded.
 *   (c) Floor of (b): N GET /health round trips from the same pool.
 *   (d) Warm floor of the handler: the same OnMessageHandler, warm, invoked in-process through the
 *       local Lambda runtime on --direct prepared messages one at a time, then on --direct more from
 *       --sqs-concurrency threads; no SQS, no HTTP.
 *   (p) Issue 7's reply figures: prompt tokens at 10 / 1,000 knowledge entries and 5 / 500 past turns
 *       and their ratios (PromptSizes, as PromptBoundsTest); the DynamoDB calls of one normal reply by
 *       operation, counted by an SDK interceptor on a handler built on its own wiring against the runtime's
 *       tables (ReplyCallBudget, as OnMessageCallBudgetTest), whether the SnapStart priming sends every one of
 *       those operations, the warm handler p50 against the p50 of as many sequential GetItems (--direct runs),
 *       and the Bedrock list-price cost of a reply of that size per reply and per seller-month at 50/day.
 * Prints the report and writes it to local/target/bench/report.json; the system's own logs go to
 * local/target/bench/go-local.log. Takes about 2-3 minutes on 2 cores.
 * </pre>
 */
public final class Bench {
    /** The module whose tests run the labelled sets (PA evaluation, red team) and write their reports. */
    private static final Path EVALUATIONS = Path.of("shared", "evaluations");

    /** {@code sqsConcurrency} 0 means GoLocal's default. */
    record Settings(int runs, int messages, int threads, int warmup, int direct, int sqsConcurrency, int maxPollMillis,
                    Path assistantJar) {
        int effectiveSqsConcurrency() {
            return sqsConcurrency > 0 ? sqsConcurrency : SqsEventSourcePoller.defaultConcurrency();
        }
    }

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (settings == null) {
            System.out.println(usage());
            return;
        }
        ColdStart.checkReadable(settings.assistantJar());
        Path outDir = Path.of("local", "target", "bench");
        Files.createDirectories(outDir);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", outDir.resolve("go-local-system.log").toString());
        PrintStream systemLog = new PrintStream(new FileOutputStream(outDir.resolve("go-local.log").toFile()), true);
        Log.redirect(systemLog);

        ObjectNode report = Json.object();
        environment(report.putObject("environment"), settings);
        System.out.println(header(report));
        try (GoLocal local = GoLocal.start(new GoLocal.Options(0, null, null, settings.effectiveSqsConcurrency()))) {
            BenchHttp api = new BenchHttp(local.uri());
            System.out.println("(a) cold start: preparing " + ColdStart.conversations(settings.runs())
                    + " conversations, then " + ColdStart.childJvms(settings.runs()) + " child JVMs ...");
            ColdStart.Outcome cold = new ColdStart(local, api, settings.assistantJar(), outDir, settings.runs()).run();
            coldStart(report.putObject("coldStart"), cold);

            System.out.println("(b) warm message path: " + settings.warmup() + " warm-up + " + settings.messages() + " messages ...");
            WarmPath warm = new WarmPath(local, api, settings.threads(), settings.maxPollMillis());
            warm.messages("warmup", settings.warmup());
            warm.health(settings.warmup());
            WarmPath.Result messages = warm.messages("warm", settings.messages());
            WarmPath.Result health = warm.health(settings.messages());
            warm(report, messages, health);

            System.out.println("(d) handler floor: preparing 2 x " + settings.direct() + " messages, then invoking OnMessage in-process ...");
            handlerFloor(report, new HandlerFloor(local, api).run("direct", settings.direct(), settings.effectiveSqsConcurrency()), messages);

            System.out.println("(p) PA reply figures: prompt sizes, DynamoDB calls of one reply, warm handler vs GetItems ...");
            report.set("replyFigures", ReplyFigures.run(local, settings.direct()));

            System.out.println("(t) CM training: " + TrainingBench.IMAGES + " images of " + TrainingBench.SIDE + "² uploaded, checked and trained ...");
            report.set("training", new TrainingBench(local, api).run());
        } finally {
            Log.redirect(System.out);
            systemLog.close();
        }
        faultInjection(report, outDir);
        assistantEvaluation(report, outDir);
        safety(report, outDir);
        mediaChecks(report, outDir);
        Path json = outDir.resolve("report.json");
        Files.writeString(json, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        System.out.println();
        System.out.println(text(report));
        System.out.println("report JSON: " + json);
    }

    /**
     * The fault-injection suite's counts from the last {@code mvn verify} (shared module): faults
     * injected and survived per path; absent when the suite has not run in this tree.
     */
    private static void faultInjection(ObjectNode report, Path outDir) throws IOException {
        suiteReport(outDir, Path.of("shared"), "fault-injection").ifPresentOrElse(counts -> {
            report.set("faultInjection", counts);
            System.out.println("(f) fault injection: " + counts.path("survived").asInt() + " of " + counts.path("injected").asInt()
                    + " injected faults survived " + counts);
        }, () -> System.out.println("(f) fault injection: no suite report (run mvn verify first)"));
    }

    /**
     * The red-team suite's figures from the last {@code mvn verify} (shared/evaluations, issue 8): planted
     * entries tried, blocked and leaked with the offline and a parroting model, off-platform
     * messages refused, names refused and ordinary names passed; the labelled and the held-out set.
     */
    private static void safety(ObjectNode report, Path outDir) throws IOException {
        suiteReport(outDir, EVALUATIONS, "safety").ifPresentOrElse(figures -> {
            report.set("safety", figures);
            for (String set : List.of("redTeam", "heldOut")) {
                JsonNode f = figures.path(set);
                if (f.isMissingNode()) continue;
                JsonNode offline = f.path("replies").path("offlineModel");
                JsonNode parrot = f.path("replies").path("compromisedModel");
                JsonNode kb = f.path("knowledge");
                JsonNode op = f.path("offPlatform");
                JsonNode names = f.path("names");
                System.out.printf(Locale.ROOT, "(s) safety %-8s entries %d (rejected at save %d of %d, falsely %d); replies tried/blocked/leaked: "
                                + "offline %d/%d/%d, parrot %d/%d/%d; off-platform refused %d of %d (on-platform refused %d of %d); "
                                + "names refused %d of %d, ordinary refused %d of %d%n", set,
                        kb.path("entries").asInt(), kb.path("rejectedAtSave").asInt(), kb.path("expectRejected").asInt(), kb.path("falselyRejected").asInt(),
                        offline.path("tried").asInt(), offline.path("blocked").asInt(), offline.path("leaked").asInt(),
                        parrot.path("tried").asInt(), parrot.path("blocked").asInt(), parrot.path("leaked").asInt(),
                        op.path("refused").asInt(), op.path("tried").asInt(), op.path("onPlatformRefused").asInt(), op.path("onPlatformTried").asInt(),
                        names.path("offendingRefused").asInt(), names.path("offendingTried").asInt(),
                        names.path("ordinaryRefused").asInt(), names.path("ordinaryTried").asInt());
            }
            JsonNode second = figures.path("heldOut2");
            if (!second.isMissingNode()) {
                System.out.printf(Locale.ROOT, "(s) safety heldOut2 names (short stems with their language's endings) refused %d of %d, ordinary refused %d of %d%n",
                        second.path("offendingRefused").asInt(), second.path("offendingTried").asInt(),
                        second.path("ordinaryRefused").asInt(), second.path("ordinaryTried").asInt());
            }
        }, () -> System.out.println("(s) safety: no red-team report (run mvn verify first)"));
    }

    /**
     * CM-AST-2/3/6: precision and recall of each asset check on the labelled media set, from the last
     * test run of shared/evaluations ({@code AssetChecksEvaluationTest}); absent when it has not run.
     */
    private static void mediaChecks(ObjectNode report, Path outDir) throws IOException {
        Path target = outDir.toAbsolutePath().normalize().getParent().getParent().getParent().resolve(EVALUATIONS).resolve("target");
        ObjectNode checks = Json.object();
        for (String kind : List.of("images", "drawings", "audio")) {
            Path file = target.resolve("asset-checks-" + kind + ".json");
            if (!Files.exists(file)) {
                System.out.println("(m) asset checks: no " + file.getFileName() + " (run mvn verify first)");
                continue;
            }
            JsonNode figures = Json.parse(Files.readString(file));
            checks.set(kind, figures);
            StringBuilder line = new StringBuilder("(m) asset checks, " + kind + ":");
            figures.fields().forEachRemaining(check -> line.append(String.format(Locale.ROOT, " %s P %.2f R %.2f;", check.getKey(),
                    check.getValue().path("precision").asDouble(Double.NaN), check.getValue().path("recall").asDouble(Double.NaN))));
            System.out.println(line);
        }
        if (!checks.isEmpty()) {
            report.set("assetChecks", checks);
        }
    }

    /** {@code <module>/target/<dir>/report.json} of this tree, written by a suite in {@code mvn verify}. */
    private static java.util.Optional<JsonNode> suiteReport(Path outDir, Path module, String dir) throws IOException {
        Path suite = outDir.toAbsolutePath().normalize().getParent().getParent().getParent()
                .resolve(module).resolve(Path.of("target", dir, "report.json"));
        return Files.exists(suite) ? java.util.Optional.of(Json.parse(Files.readString(suite))) : java.util.Optional.empty();
    }

    /**
     * The PA evaluation's figures from the last test run of shared/evaluations (issue 7 item 7): the
     * tuned set and the held-out set, each with right outcomes per outcome and per language, false
     * handoffs and requirements not re-asked; absent when the evaluation has not run in this tree.
     */
    private static void assistantEvaluation(ObjectNode report, Path outDir) throws IOException {
        Path eval = outDir.toAbsolutePath().normalize().getParent().getParent().getParent().resolve(EVALUATIONS).resolve(Path.of("target", "eval"));
        ObjectNode sets = Json.object();
        for (String name : List.of("assistant", "assistant-held-out")) {
            Path file = eval.resolve(name + "-eval.json");
            if (!Files.exists(file)) {
                System.out.println("(e) PA evaluation: no " + file.getFileName() + " at " + eval + " (run AssistantEvaluationTest or mvn verify first)");
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode figures = Json.parse(Files.readString(file));
            sets.set(name, figures);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "(e) PA evaluation %s: %d cases, %.1f %% right (target 95), false handoffs %d (%.1f %%, target <= 1), not re-asked %.0f %% of %d multi-turn;",
                    figures.path("set").asText(name), figures.path("cases").asInt(), 100 * figures.path("accuracy").asDouble(),
                    figures.path("falseHandoffs").asInt(), 100 * figures.path("falseHandoffRate").asDouble(),
                    100 * figures.path("requirementsNotReAsked").asDouble(), figures.path("multiTurnGatherCases").asInt()));
            for (String table : List.of("byOutcome", "byLanguage")) {
                figures.path(table).fields().forEachRemaining(e -> line.append(String.format(Locale.ROOT, " %s %.0f", e.getKey(),
                        100 * e.getValue().path("accuracy").asDouble())));
                line.append(';');
            }
            System.out.println(line);
        }
        if (!sets.isEmpty()) {
            report.set("assistantEvaluation", sets);
        }
    }

    private static void environment(ObjectNode env, Settings settings) throws IOException {
        env.put("at", Instant.now().toString());
        env.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("javaHome", System.getProperty("java.home"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("benchJvmFlags", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        ObjectNode flagSets = env.putObject("childJvmFlagSets");
        ColdStart.FLAG_SETS.forEach(f -> flagSets.put(f.name(), String.join(" ", f.flags())));
        env.put("assistantJar", settings.assistantJar().toString());
        env.put("assistantJarMb", round(Files.size(settings.assistantJar()) / 1e6));
        env.put("runs", settings.runs());
        env.put("messages", settings.messages());
        env.put("threads", settings.threads());
        env.put("warmup", settings.warmup());
        env.put("direct", settings.direct());
        env.put("sqsConcurrency", settings.effectiveSqsConcurrency());
        env.put("maxPollMillis", settings.maxPollMillis());
    }

    private static void coldStart(ObjectNode node, ColdStart.Outcome cold) {
        node.put("conversations", cold.conversations());
        node.put("verifiedReplies", cold.verifiedReplies());
        for (ColdStart.Result result : cold.results()) {
            ObjectNode flags = node.putObject(result.flagSet().name());
            flags.put("flags", String.join(" ", result.flagSet().flags()));
            side(flags.putObject("handler"), result.handler());
            side(flags.putObject("floor"), result.floor());
            flags.put("ratioTotalMedian", round(median(result.handler(), r -> r.line().totalMs())
                    / median(result.floor(), r -> r.line().totalMs())));
            ObjectNode primed = side(flags.putObject("handlerPrimed"), result.primed());
            primed.put("primeMsMedian", round(median(result.primed(), r -> r.line().primeMs())));
            primed.put("totalWithoutPrimeMsMedian", round(median(result.primed(), r -> r.line().totalWithoutPrimeMs())));
            flags.put("ratioPrimedFirstInvokeOverFloorFirstInvoke", round(median(result.primed(), r -> r.line().firstInvokeMs())
                    / median(result.floor(), r -> r.line().firstInvokeMs())));
            flags.put("ratioPrimedTotalWithoutPrimeOverFloorTotal", round(median(result.primed(), r -> r.line().totalWithoutPrimeMs())
                    / median(result.floor(), r -> r.line().totalMs())));
        }
    }

    private static ObjectNode side(ObjectNode node, List<ColdStart.Run> runs) {
        List<Double> totals = runs.stream().map(r -> r.line().totalMs()).toList();
        node.put("totalMsMedian", round(Stats.median(totals)));
        node.put("totalMsMin", round(Stats.min(totals)));
        node.put("totalMsMax", round(Stats.max(totals)));
        node.put("jvmToMainMsMedian", round(median(runs, r -> r.line().jvmToMainMs())));
        node.put("constructMsMedian", round(median(runs, r -> r.line().constructMs())));
        node.put("firstInvokeMsMedian", round(median(runs, r -> r.line().firstInvokeMs())));
        node.put("processMsMedian", round(median(runs, ColdStart.Run::processMs)));
        ArrayNode each = node.putArray("runs");
        runs.forEach(r -> {
            ObjectNode run = each.addObject().put("jvmToMainMs", r.line().jvmToMainMs()).put("constructMs", r.line().constructMs())
                    .put("firstInvokeMs", r.line().firstInvokeMs()).put("totalMs", r.line().totalMs()).put("processMs", round(r.processMs()));
            if (r.line().primeMs() > 0) {
                run.put("primeMs", r.line().primeMs());
            }
        });
        return node;
    }

    private static void warm(ObjectNode report, WarmPath.Result messages, WarmPath.Result health) {
        ObjectNode m = latencies(report.putObject("warmMessagePath"), messages);
        m.put("messagesPerSecond", round(messages.perSecond()));
        m.put("spanSeconds", round(messages.spanSeconds()));
        if (!messages.replies().isEmpty()) {
            ObjectNode server = m.putObject("server");
            server.put("messagesPerSecond", round(messages.serverPerSecond()));
            percentiles(server.putObject("postToReplyStored"), messages.postToReplyMs());
            percentiles(server.putObject("clientMessageStoredToReplyStored"), messages.storedToReplyMs());
        }
        ObjectNode h = latencies(report.putObject("healthFloor"), health);
        h.put("requestsPerSecond", round(health.perSecond()));
        ObjectNode overhead = report.putObject("overheadMessageOverHealth");
        overhead.put("p50", round(m.get("p50Ms").asDouble() / h.get("p50Ms").asDouble()));
        overhead.put("p95", round(m.get("p95Ms").asDouble() / h.get("p95Ms").asDouble()));
    }

    private static ObjectNode latencies(ObjectNode node, WarmPath.Result result) {
        node.put("attempted", result.attempted());
        node.put("succeeded", result.latenciesMs().size());
        node.put("errors", result.errors());
        ArrayNode samples = node.putArray("errorSamples");
        result.errorSamples().forEach(samples::add);
        return percentiles(node, result.latenciesMs());
    }

    private static ObjectNode percentiles(ObjectNode node, List<Double> latenciesMs) {
        if (!latenciesMs.isEmpty()) {
            node.put("p50Ms", round(Stats.percentile(latenciesMs, 50)));
            node.put("p95Ms", round(Stats.percentile(latenciesMs, 95)));
            node.put("p99Ms", round(Stats.percentile(latenciesMs, 99)));
            node.put("maxMs", round(Stats.max(latenciesMs)));
        }
        return node;
    }

    private static void handlerFloor(ObjectNode report, HandlerFloor.Result floor, WarmPath.Result messages) {
        ObjectNode d = report.putObject("handlerFloor");
        d.put("threads", floor.threads());
        phase(d.putObject("sequential"), floor.sequential());
        phase(d.putObject("concurrent"), floor.concurrent());
        List<Double> sequential = floor.sequential().latenciesMs();
        if (!sequential.isEmpty() && !messages.replies().isEmpty()) {
            double ratio = Stats.percentile(sequential, 50) / Stats.percentile(messages.postToReplyMs(), 50);
            d.put("sequentialP50OverServerP50", Math.round(ratio * 100) / 100.0);
        }
    }

    private static void phase(ObjectNode node, HandlerFloor.Phase phase) {
        node.put("attempted", phase.attempted());
        node.put("succeeded", phase.latenciesMs().size());
        node.put("failures", phase.failures());
        percentiles(node, phase.latenciesMs());
        if (!phase.latenciesMs().isEmpty()) {
            node.put("messagesPerSecond", round(phase.perSecond()));
        }
    }

    private static String header(ObjectNode report) {
        ObjectNode env = (ObjectNode) report.get("environment");
        StringBuilder out = new StringBuilder("Go bench  ").append(env.get("at").asText()).append('\n');
        out.append("  JDK:        ").append(env.get("jdk").asText()).append("  (").append(env.get("javaHome").asText()).append(")\n");
        out.append("  machine:    ").append(env.get("cores").asInt()).append(" cores, ").append(env.get("os").asText()).append('\n');
        out.append("  bench JVM:  ").append(blankAsNone(env.get("benchJvmFlags").asText())).append('\n');
        env.get("childJvmFlagSets").fields().forEachRemaining(f -> out.append(String.format("  child JVM flags %-10s %s%n",
                f.getKey() + ":", blankAsNone(f.getValue().asText()))));
        out.append("  handler:    ").append(env.get("assistantJar").asText()).append(" (").append(env.get("assistantJarMb")).append(" MB)\n");
        out.append("  settings:   runs=").append(env.get("runs")).append(" messages=").append(env.get("messages"))
                .append(" threads=").append(env.get("threads")).append(" warmup=").append(env.get("warmup"))
                .append(" direct=").append(env.get("direct")).append(" sqsConcurrency=").append(env.get("sqsConcurrency"))
                .append(" maxPollMs=").append(env.get("maxPollMillis"));
        return out.toString();
    }

    private static String text(ObjectNode report) {
        StringBuilder out = new StringBuilder(header(report)).append("\n\n");
        ObjectNode cold = (ObjectNode) report.get("coldStart");
        ObjectNode env = (ObjectNode) report.get("environment");
        out.append("(a) Cold start, fresh JVM per run, ").append(env.get("runs")).append(" runs per side and flag set (+1 discarded warm-up pair)\n");
        out.append(String.format(Locale.ROOT, "  %-10s %-14s %28s %10s %10s %12s %10s%n",
                "flags", "side", "totalMs median [min..max]", "jvmToMain", "construct", "firstInvoke", "process"));
        for (ColdStart.FlagSet flagSet : ColdStart.FLAG_SETS) {
            ObjectNode flags = (ObjectNode) cold.get(flagSet.name());
            for (String side : List.of("handler", "floor", "handlerPrimed")) {
                ObjectNode s = (ObjectNode) flags.get(side);
                out.append(String.format(Locale.ROOT, "  %-10s %-14s %28s %10.1f %10.1f %12.1f %10.1f%n",
                        side.equals("handler") ? flagSet.name() : "", side.equals("handlerPrimed") ? "handler+primed" : side,
                        String.format(Locale.ROOT, "%.0f [%.0f..%.0f]", s.get("totalMsMedian").asDouble(),
                                s.get("totalMsMin").asDouble(), s.get("totalMsMax").asDouble()),
                        s.get("jvmToMainMsMedian").asDouble(), s.get("constructMsMedian").asDouble(),
                        s.get("firstInvokeMsMedian").asDouble(), s.get("processMsMedian").asDouble()));
            }
            out.append(String.format(Locale.ROOT, "  %-10s ratio handler/floor (median totalMs): %.2fx%n", "", flags.get("ratioTotalMedian").asDouble()));
            out.append(primedText(flags));
        }
        out.append(String.format("  replies verified over HTTP: %d of %d conversations have exactly one ASSISTANT reply%n%n",
                cold.get("verifiedReplies").asInt(), cold.get("conversations").asInt()));

        ObjectNode m = (ObjectNode) report.get("warmMessagePath");
        ObjectNode h = (ObjectNode) report.get("healthFloor");
        out.append(String.format(Locale.ROOT, "(b) Warm message path: %d messages, %s concurrent clients, SQS concurrency %s, "
                + "warm-up of %s excluded%n", m.get("attempted").asInt(), env.get("threads"), env.get("sqsConcurrency"), env.get("warmup")));
        out.append(String.format(Locale.ROOT, "  throughput  %.1f messages/s (%d replies in %.2f s, first send to last reply seen)%n",
                m.get("messagesPerSecond").asDouble(), m.get("succeeded").asInt(), m.get("spanSeconds").asDouble()));
        out.append(String.format(Locale.ROOT, "  client: POST until the reply is seen by GET (polled after 10 ms, doubling up to every %d ms)%n",
                env.get("maxPollMillis").asInt()));
        out.append(latencyLine(m));
        JsonNode server = m.path("server");
        if (!server.isMissingNode()) {
            out.append(String.format(Locale.ROOT, "  server: runtime clock, no polling in it (%.1f messages/s, first POST to last reply stored)%n",
                    server.get("messagesPerSecond").asDouble()));
            out.append(String.format("    %-38s ms  %s%n", "POST sent -> reply stored", percentileText(server.get("postToReplyStored"))));
            out.append(String.format("    %-38s ms  %s%n", "client message stored -> reply stored",
                    percentileText(server.get("clientMessageStoredToReplyStored"))));
        }
        out.append(String.format("  errors      %d%s%n%n", m.get("errors").asInt(), samples(m)));
        out.append(String.format(Locale.ROOT, "(c) Floor: %d x GET /health, same client pool (%.0f requests/s)%n",
                h.get("attempted").asInt(), h.get("requestsPerSecond").asDouble()));
        out.append(latencyLine(h)).append(String.format("  errors      %d%s%n", h.get("errors").asInt(), samples(h)));
        ObjectNode overhead = (ObjectNode) report.get("overheadMessageOverHealth");
        out.append(String.format(Locale.ROOT, "  overhead of the message path over a bare HTTP round trip: p50 %.1fx, p95 %.1fx%n%n",
                overhead.get("p50").asDouble(), overhead.get("p95").asDouble()));

        ObjectNode d = (ObjectNode) report.get("handlerFloor");
        JsonNode seq = d.get("sequential");
        JsonNode par = d.get("concurrent");
        out.append(String.format(Locale.ROOT, "(d) Handler floor: the warm OnMessageHandler invoked in-process, one record per invocation; no SQS, no HTTP%n"));
        out.append(String.format(Locale.ROOT, "  %-13s ms  %s  (%.1f messages/s, %d failures)%n", seq.get("attempted").asInt() + " x 1 thread",
                percentileText(seq), seq.path("messagesPerSecond").asDouble(Double.NaN), seq.get("failures").asInt()));
        out.append(String.format(Locale.ROOT, "  %-13s ms  %s  (%.1f messages/s, %d failures)%n",
                par.get("attempted").asInt() + " x " + d.get("threads").asInt() + " threads",
                percentileText(par), par.path("messagesPerSecond").asDouble(Double.NaN), par.get("failures").asInt()));
        out.append(String.format(Locale.ROOT, "  handler alone (1 thread) p50 / server p50 of (b): %.2f%n",
                d.path("sequentialP50OverServerP50").asDouble(Double.NaN)));
        out.append('\n').append(ReplyFigures.text((ObjectNode) report.get("replyFigures")));
        JsonNode t = report.get("training");
        out.append(String.format(Locale.ROOT, "%n(t) CM training through the runtime: %d images of %d² -> %s; upload (decode + checks, once) %.0f ms, "
                        + "set assets %.0f ms (%d warnings), train %.0f ms; total %.0f ms (limit %d) = %.1fx decoding the same PNGs in-process (%.0f ms)%n",
                t.get("images").asInt(), t.get("side").asInt(), t.get("status").asText(), t.get("uploadMs").asDouble(),
                t.get("setAssetsMs").asDouble(), t.get("warningsAtSetAssets").asInt(), t.get("trainMs").asDouble(), t.get("totalMs").asDouble(),
                t.get("limitMs").asInt(), t.get("ratioTotalOverDecodeFloor").asDouble(), t.get("decodeFloorMs").asDouble()));
        return out.toString();
    }

    /** What a SnapStart restore would still pay: the priming (and construction) happen before the snapshot. */
    static String primedText(JsonNode flags) {
        JsonNode primed = flags.get("handlerPrimed");
        return String.format(Locale.ROOT, "  %-10s primed: prime %.1f ms (before the snapshot under SnapStart); totalMs without it %.0f "
                        + "(%.2fx the floor's)%n"
                        + "  %-10s first invoke ms: handler %.1f, handler+primed %.1f, floor %.1f; primed/floor: %.2fx%n", "",
                primed.get("primeMsMedian").asDouble(), primed.get("totalWithoutPrimeMsMedian").asDouble(),
                flags.get("ratioPrimedTotalWithoutPrimeOverFloorTotal").asDouble(), "",
                flags.get("handler").get("firstInvokeMsMedian").asDouble(), primed.get("firstInvokeMsMedian").asDouble(),
                flags.get("floor").get("firstInvokeMsMedian").asDouble(), flags.get("ratioPrimedFirstInvokeOverFloorFirstInvoke").asDouble());
    }

    private static String latencyLine(JsonNode node) {
        return "  latency ms  " + percentileText(node) + System.lineSeparator();
    }

    private static String percentileText(JsonNode node) {
        return String.format(Locale.ROOT, "p50 %.1f  p95 %.1f  p99 %.1f  max %.1f", node.path("p50Ms").asDouble(Double.NaN),
                node.path("p95Ms").asDouble(Double.NaN), node.path("p99Ms").asDouble(Double.NaN), node.path("maxMs").asDouble(Double.NaN));
    }

    private static String samples(ObjectNode node) {
        return node.get("errorSamples").isEmpty() ? "" : "  e.g. " + node.get("errorSamples");
    }

    private static String blankAsNone(String flags) {
        return flags.isBlank() ? "(none)" : flags;
    }

    private static <T> double median(List<T> runs, Function<T, Double> value) {
        return Stats.median(runs.stream().map(value).toList());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static Settings parse(String[] args) {
        Settings s = new Settings(5, 200, 8, 20, 100, 0, (int) WarmPath.DEFAULT_MAX_POLL_MILLIS, Path.of("functions", "assistant", "target", "assistant.jar"));
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            String text = value(args, ++i, option);
            s = switch (option) {
                case "--assistant-jar" -> new Settings(s.runs(), s.messages(), s.threads(), s.warmup(), s.direct(), s.sqsConcurrency(),
                        s.maxPollMillis(), Path.of(text));
                case "--runs" -> new Settings(positive(text, option), s.messages(), s.threads(), s.warmup(), s.direct(),
                        s.sqsConcurrency(), s.maxPollMillis(), s.assistantJar());
                case "--messages" -> new Settings(s.runs(), positive(text, option), s.threads(), s.warmup(), s.direct(),
                        s.sqsConcurrency(), s.maxPollMillis(), s.assistantJar());
                case "--threads" -> new Settings(s.runs(), s.messages(), positive(text, option), s.warmup(), s.direct(),
                        s.sqsConcurrency(), s.maxPollMillis(), s.assistantJar());
                case "--warmup" -> new Settings(s.runs(), s.messages(), s.threads(), positive(text, option), s.direct(),
                        s.sqsConcurrency(), s.maxPollMillis(), s.assistantJar());
                case "--direct" -> new Settings(s.runs(), s.messages(), s.threads(), s.warmup(), positive(text, option),
                        s.sqsConcurrency(), s.maxPollMillis(), s.assistantJar());
                case "--sqs-concurrency" -> new Settings(s.runs(), s.messages(), s.threads(), s.warmup(), s.direct(),
                        positive(text, option), s.maxPollMillis(), s.assistantJar());
                case "--max-poll-ms" -> new Settings(s.runs(), s.messages(), s.threads(), s.warmup(), s.direct(),
                        s.sqsConcurrency(), positive(text, option), s.assistantJar());
                default -> throw new IllegalArgumentException("unknown option " + option);
            };
        }
        return s;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int positive(String text, String option) {
        try {
            int value = Integer.parseInt(text);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number >= 1");
        }
    }

    private static String usage() {
        return "usage: java -cp local/target/go-local.jar app.go.local.bench.Bench [--runs 5] [--messages 200] [--threads 8]\n"
                + "       [--warmup 20] [--direct 100] [--sqs-concurrency " + SqsEventSourcePoller.defaultConcurrency() + "] [--max-poll-ms 50]\n"
                + "       [--assistant-jar functions/assistant/target/assistant.jar]   (run from the repo root)";
    }
}
