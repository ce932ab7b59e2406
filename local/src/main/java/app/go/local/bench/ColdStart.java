package app.go.local.bench;

import app.go.adapter.aws.dynamodb.Items;
import app.go.domain.conversation.InboundMessage;
import app.go.local.GoLocal;
import app.go.local.aws.LocalAws;
import app.go.support.json.Json;
import app.go.wiring.topology.SystemTopology;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Part (a): the assistant handler's cold start against its floor, each in fresh child JVMs on the
 * deployed assistant.jar plus the probe classes; a third side, handler+primed, runs the SnapStart
 * priming between construction and the first invocation. Every handler run answers its own, not yet answered
 * client message: the conversations are started while the seller's assistant is INACTIVE (the local
 * poller then refuses with NOT_ACTIVE, which claims nothing), and the assistant is activated before
 * the children run.
 */
final class ColdStart {
    /** JVM flags for both sides of a comparison. */
    record FlagSet(String name, List<String> flags) {}

    static final List<FlagSet> FLAG_SETS = List.of(
            new FlagSet("lambda-c1", List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1")),
            new FlagSet("default", List.of()));

    /** The probe's own figures and the bench's wall time from fork to exit. */
    record Run(ProbeLine line, double processMs) {}

    record Result(FlagSet flagSet, List<Run> handler, List<Run> primed, List<Run> floor) {}

    record Outcome(List<Result> results, int conversations, int verifiedReplies) {}

    private static final String SELLER = "bench-cold";
    private static final List<String> PROBE_CLASSES = List.of("ColdStartProbe", "ColdStartProbe$ProbeContext", "FloorProbe", "ProbeLine");

    private record Prepared(String conversationId, String messageId, String clientToken) {}

    private final GoLocal local;
    private final BenchHttp api;
    private final Path assistantJar;
    private final Path workDir;
    private final int runs;

    /** Conversations a bench of {@code runs} answers: a handler and a primed run per run and flag set, plus the warm-up. */
    static int conversations(int runs) {
        return 1 + 2 * runs * FLAG_SETS.size();
    }

    /** Child JVMs a bench of {@code runs} starts: three sides per run and flag set, plus the warm-up pair. */
    static int childJvms(int runs) {
        return 2 + 3 * runs * FLAG_SETS.size();
    }

    ColdStart(GoLocal local, BenchHttp api, Path assistantJar, Path workDir, int runs) {
        this.local = local;
        this.api = api;
        this.assistantJar = assistantJar;
        this.workDir = workDir;
        this.runs = runs;
    }

    Outcome run() throws IOException, InterruptedException {
        String sellerToken = local.tokens().mint(SELLER, "seller");
        api.setUpSeller(SELLER, local.tokens().mint("bench-platform", "platform"), sellerToken);
        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < conversations(runs); i++) { // one extra for the discarded warm-up run
            prepared.add(prepare("bench-cold-client-" + i));
        }
        awaitInboundQueueDrained(local);
        api.activate(sellerToken);

        String classpath = assistantJar.toAbsolutePath() + java.io.File.pathSeparator + extractProbeClasses();
        Map<String, String> env = new HashMap<>(local.environment());
        env.put("MODEL_PROVIDER", "offline");
        Iterator<Prepared> next = prepared.iterator();
        Prepared warmUp = next.next();
        runPair(FLAG_SETS.get(0), classpath, env, warmUp);

        List<Result> results = new ArrayList<>();
        for (FlagSet flagSet : FLAG_SETS) {
            results.add(new Result(flagSet, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        }
        for (int run = 0; run < runs; run++) {
            for (Result result : results) { // interleaved, so drift on the machine hits both sides alike
                Run[] pair = runPair(result.flagSet(), classpath, env, next.next());
                result.handler().add(pair[0]);
                result.floor().add(pair[1]);
                result.primed().add(runPrimed(result.flagSet(), classpath, env, next.next()));
            }
        }
        int verified = 0;
        for (Prepared p : prepared) {
            if (BenchHttp.assistantReplies(api.get("/conversations/" + p.conversationId() + "/messages", p.clientToken())) == 1) {
                verified++;
            }
        }
        return new Outcome(results, prepared.size(), verified);
    }

    private Run[] runPair(FlagSet flagSet, String classpath, Map<String, String> env, Prepared p) throws IOException, InterruptedException {
        Run handler = child(flagSet, classpath, env, ColdStartProbe.class, body(p), p.conversationId());
        String pk = Items.conversationKey(SELLER, p.conversationId());
        Run floor = child(flagSet, classpath, env, FloorProbe.class, SystemTopology.CONVERSATIONS.envVar(), pk);
        return new Run[] {handler, floor};
    }

    /** The handler run with the SnapStart priming before its first invocation. */
    private Run runPrimed(FlagSet flagSet, String classpath, Map<String, String> env, Prepared p) throws IOException, InterruptedException {
        return child(flagSet, classpath, env, ColdStartProbe.class, body(p), p.conversationId(), ColdStartProbe.PRIMED);
    }

    private static String body(Prepared p) {
        return Json.write(new InboundMessage(SELLER, p.conversationId(), p.messageId()));
    }

    private Prepared prepare(String clientId) {
        String token = local.tokens().mint(clientId, "client");
        String conversationId = BenchHttp.expect(201, api.startConversation(SELLER, token)).json().get("conversationId").asText();
        String messageId = BenchHttp.messages(api.get("/conversations/" + conversationId + "/messages", token)).get(0).get("id").asText();
        return new Prepared(conversationId, messageId, token);
    }

    /** Waits until the local poller has handled (and deleted) every inbound message: all refused as NOT_ACTIVE. */
    static void awaitInboundQueueDrained(GoLocal local) throws InterruptedException {
        String queueUrl = local.environment().get(SystemTopology.INBOUND_MESSAGES.envVar());
        try (SqsClient sqs = LocalAws.sqsClient(URI.create(local.environment().get("AWS_ENDPOINT_URL_SQS")))) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                if (attributes.values().stream().allMatch("0"::equals)) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the inbound queue did not drain within 30 s");
    }

    /** Copies just the probe classes out of this classpath (go-local.jar) so the child runs on assistant.jar plus these. */
    private Path extractProbeClasses() throws IOException {
        Path dir = workDir.resolve("probe-classes");
        for (String name : PROBE_CLASSES) {
            String resource = "app/go/local/bench/" + name + ".class";
            try (InputStream in = ColdStart.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + resource + " on the classpath");
                }
                Path target = dir.resolve(resource);
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
        return dir.toAbsolutePath();
    }

    private static Run child(FlagSet flagSet, String classpath, Map<String, String> env, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flagSet.flags());
        command.addAll(List.of("-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear(); // only what the function would get
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        List<String> output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        int exit = process.waitFor();
        double processMs = (System.nanoTime() - started) / 1e6;
        ProbeLine line = ProbeLine.find(output);
        if (exit != 0 || line == null || !line.ok()) {
            throw new IllegalStateException(main.getSimpleName() + " (" + flagSet.name() + ") failed with exit " + exit + ":\n"
                    + String.join("\n", output.subList(Math.max(0, output.size() - 20), output.size())));
        }
        return new Run(line, processMs);
    }

    static void checkReadable(Path jar) {
        if (!Files.isReadable(jar)) {
            throw new UncheckedIOException(new IOException(jar + " not found: build it with "
                    + "mvn -B -o -q -pl functions/assistant package -DskipTests"));
        }
    }
}
