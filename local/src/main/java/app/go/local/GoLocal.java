package app.go.local;

import app.go.local.aws.LocalAws;
import app.go.local.aws.LocalDynamoDb;
import app.go.local.aws.LocalSqs;
import app.go.local.aws.ProvisionedResources;
import app.go.local.aws.TopologyProvisioner;
import app.go.local.http.LocalHttpApi;
import app.go.local.http.LocalTokens;
import app.go.local.lambda.LambdaInvocationException;
import app.go.local.lambda.LocalLambdaRuntime;
import app.go.local.lambda.SqsEventSourcePoller;
import app.go.local.stepfunctions.LocalStepFunctions;
import app.go.local.stepfunctions.StateMachineDefinition;
import app.go.local.stepfunctions.StepFunctionsHttpEndpoint;
import app.go.local.stepfunctions.TaskFailedException;
import app.go.adapter.offline.OfflineLanguageModel;
import app.go.adapter.file.FileBlobStore;
import app.go.support.config.Env;
import app.go.support.log.Log;
import app.go.support.time.AdjustableClock;
import app.go.wiring.topology.ScheduleSpec;
import app.go.wiring.topology.StateMachineSpec;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import app.go.adapter.offline.OfflinePaymentGateway;
import app.go.local.http.LocalRuntimeRoutes;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole system on one JVM: the DynamoDB engine and ElasticMQ with the topology's tables and queues,
 * the Lambda handlers in-process behind SQS pollers and a Step Functions executor, the HTTP API,
 * and the billing schedule, all driven by one adjustable clock. Same handlers, other endpoints.
 */
public final class GoLocal implements AutoCloseable {
    private static final Log LOG = Log.get(GoLocal.class);

    static {
        // the JDK's HTTP server leaves Nagle on, which adds ~40 ms delayed-ACK stalls to small responses
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // before the Step Functions endpoint starts the JVM's first HTTP server
        LocalHttpApi.configureServerTimeouts();
    }

    /**
     * How to start: HTTP port (0 = any free port), optional folder to keep data between runs,
     * optionally an external AWS endpoint (LocalStack) for DynamoDB and SQS instead of the embedded ones,
     * and how many batches each SQS event source runs at once (0 = {@link SqsEventSourcePoller#defaultConcurrency()}).
     */
    public record Options(int port, Path dataDir, URI awsEndpoint, int sqsConcurrency) {
        public Options(int port, Path dataDir, URI awsEndpoint) {
            this(port, dataDir, awsEndpoint, 0);
        }

        public Options(int port, Path dataDir) {
            this(port, dataDir, null);
        }

        public static Options defaults() {
            return new Options(8080, null, null);
        }

        int effectiveSqsConcurrency() {
            return sqsConcurrency > 0 ? sqsConcurrency : SqsEventSourcePoller.defaultConcurrency();
        }
    }

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final List<SqsEventSourcePoller> pollers = new ArrayList<>();
    private final AdjustableClock clock = AdjustableClock.systemUtc();
    private LocalTokens tokens;
    private LocalHttpApi http;
    private LocalLambdaRuntime lambda;
    private LocalStepFunctions stepFunctions;
    private ProvisionedResources resources;
    private Map<String, String> environment;

    private GoLocal() {}

    public static GoLocal start(Options options) {
        GoLocal local = new GoLocal();
        try {
            local.boot(options);
            return local;
        } catch (RuntimeException | IOException e) {
            local.close();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    /** The embedded DynamoDB engine's fault hooks, for fault-injection tests; absent against an external endpoint. */
    public java.util.Optional<app.go.local.dynamodb.faults.Faults> dynamoFaults() {
        return java.util.Optional.ofNullable(dynamoDb).map(d -> d.engine().faults());
    }

    private LocalDynamoDb dynamoDb;

    private void boot(Options options) throws IOException {
        long started = System.nanoTime();
        URI dynamoEndpoint;
        URI sqsEndpoint;
        if (options.awsEndpoint() == null) {
            dynamoDb = track(LocalDynamoDb.start(0, options.dataDir() == null ? null : options.dataDir().resolve("dynamodb"), clock));
            dynamoEndpoint = dynamoDb.endpoint();
            sqsEndpoint = track(LocalSqs.start(0, options.dataDir() == null ? null : options.dataDir().resolve("sqs"))).endpoint();
        } else {
            dynamoEndpoint = options.awsEndpoint();
            sqsEndpoint = options.awsEndpoint();
        }
        SqsClient sqsClient = track(LocalAws.sqsClient(sqsEndpoint));
        resources = new TopologyProvisioner(track(LocalAws.dynamoDbClient(dynamoEndpoint)), sqsClient).provision();

        // Step Functions calls back into the Lambda runtime, which needs the Step Functions endpoint in
        // its environment: break the cycle with a reference filled in below.
        AtomicReference<LocalLambdaRuntime> lambdaRef = new AtomicReference<>();
        stepFunctions = track(new LocalStepFunctions((arn, input, timeout) -> {
            try {
                return lambdaRef.get().invokeJson(arn, input);
            } catch (LambdaInvocationException e) {
                throw new TaskFailedException(e.errorType(), e.getMessage());
            }
        }, clock));
        StepFunctionsHttpEndpoint sfnEndpoint = track(StepFunctionsHttpEndpoint.start(stepFunctions, 0));
        Map<String, String> extra = new HashMap<>();
        for (StateMachineSpec spec : SystemTopology.STATE_MACHINES) {
            extra.put(spec.envVar(), stepFunctions.register(spec.localName(), definition(spec)));
        }
        Path blobs = options.dataDir() == null ? temporaryFolder("go-local-assets") : options.dataDir().resolve("assets");
        extra.putAll(Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString(),
                "AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString(),
                "AWS_ENDPOINT_URL_SFN", sfnEndpoint.uri().toString(),
                "ASSETS_BUCKET", "local-assets",
                "PAYMENTS_PROVIDER", "offline",
                "ASSET_PROVIDER", "offline"));
        extra.put("FILE_LINKS", "signed");
        extra.put("TEXT_DETECTOR", "offline");
        extra.put("FILE_LINK_SECRET", java.util.Base64.getEncoder().encodeToString(randomBytes()));
        environment = resources.environment(extra);
        Adapters adapters = new Adapters(new Env(environment), clock, a -> new OfflineLanguageModel(), a -> new FileBlobStore(blobs));
        lambda = track(new LocalLambdaRuntime(adapters));
        lambdaRef.set(lambda);
        if (options.dataDir() != null) {
            int resumed = stepFunctions.persistTo(options.dataDir().resolve("stepfunctions"));
            LOG.info("Step Functions executions kept in the data directory", "resumed", String.valueOf(resumed));
        }

        for (SqsEventSourcePoller poller : SqsEventSourcePoller.startAll(SystemTopology.EVENT_SOURCES, resources::queueUrl, sqsClient, lambda,
                options.effectiveSqsConcurrency())) {
            pollers.add(track(poller));
        }
        for (ScheduleSpec schedule : SystemTopology.SCHEDULES) {
            track(new BillingScheduleTimer(schedule, lambda, clock).start());
        }
        // API Gateway checks exp/nbf against real time: the test clock is business time, not token time
        tokens = new LocalTokens(secret(), java.time.Clock.systemUTC());
        http = new LocalHttpApi(options.port(), SystemTopology.ROUTES, lambda, tokens, clock);
        if (adapters.fileLinks() instanceof app.go.adapter.file.SignedFileLinks signed) {
            http.serveFiles(signed, adapters.blobStore());
        }
        if (app.go.wiring.PaymentGateways.provider(adapters.paymentGateway()) instanceof OfflinePaymentGateway offline) {
            LocalRuntimeRoutes.registerPayments(http, offline);
        }
        http = track(http.start());
        http.markReady();
        LOG.info("Go is running", "url", http.uri().toString(), "startupMs", (System.nanoTime() - started) / 1_000_000);
    }

    /** A temp folder deleted again when the runtime closes (also on Ctrl-C, through the shutdown hook). */
    private Path temporaryFolder(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        track(() -> {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        });
        return folder;
    }

    private static StateMachineDefinition definition(StateMachineSpec spec) {
        String resource = "statemachines/" + spec.file();
        try (InputStream in = GoLocal.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + " on the classpath");
            }
            Map<String, String> substitutions = new HashMap<>();
            spec.functionArns().forEach((placeholder, function) -> substitutions.put(placeholder, LocalAws.functionArn(function.id())));
            return StateMachineDefinition.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), substitutions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String secret() {
        String configured = System.getenv("GO_LOCAL_JWT_SECRET");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return HexFormat.of().formatHex(randomBytes());
    }

    private static byte[] randomBytes() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private <T extends AutoCloseable> T track(T resource) {
        running.push(resource);
        return resource;
    }

    public URI uri() {
        return http.uri();
    }

    public AdjustableClock clock() {
        return clock;
    }

    public LocalTokens tokens() {
        return tokens;
    }

    public LocalStepFunctions stepFunctions() {
        return stepFunctions;
    }

    public LocalLambdaRuntime lambda() {
        return lambda;
    }

    public ProvisionedResources resources() {
        return resources;
    }

    /** The environment every function gets (endpoints, table names, queue URLs, state machine ARNs). */
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public void close() {
        List<Exception> failures = new ArrayList<>();
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        failures.forEach(e -> LOG.warn("shutdown step failed", "error", String.valueOf(e.getMessage())));
    }

    /**
     * Stops at once, as a killed process would: batches in flight are abandoned (their messages stay
     * in flight on the queue, undeleted) and running executions stay as last recorded. For restart
     * tests; {@link #close()} is the orderly stop.
     */
    public void halt() {
        pollers.forEach(SqsEventSourcePoller::halt);
        close();
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(usage());
            return;
        }
        GoLocal local;
        try {
            local = start(options);
        } catch (RuntimeException e) {
            if (!isPortInUse(e)) throw e;
            System.err.println("Port " + options.port() + " is already in use (another Go or another server runs there).");
            System.err.println("Stop it, or start on a free port: java -jar local/target/go-local.jar --port 0");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(local::close, "go-local-shutdown"));
        System.out.println(banner(local.uri()));
    }

    static String banner(URI uri) {
        return String.join(System.lineSeparator(), "",
                "Go is running at " + uri + "  (Ctrl-C stops it)",
                "  API docs:  " + uri + "docs  (Swagger UI; the document itself: " + uri + "openapi.yaml)",
                "  health:    curl " + uri + "health",
                "  a token:   curl -s -X POST " + uri + "local/tokens -d '{\"sub\":\"s-1\",\"role\":\"seller\"}'",
                "  the clock: curl -s -X POST " + uri + "local/clock -d '{\"advance\":\"PT1H\"}'  (GET shows it)",
                "");
    }

    private static boolean isPortInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) return true;
        }
        return false;
    }

    static Options parse(String[] args) {
        int port = Options.defaults().port();
        Path dataDir = null;
        URI awsEndpoint = null;
        int sqsConcurrency = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                case "--aws-endpoint" -> awsEndpoint = URI.create(value(args, ++i, "--aws-endpoint"));
                case "--sqs-concurrency" -> sqsConcurrency = parseConcurrency(value(args, ++i, "--sqs-concurrency"));
                case "--help", "-h" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (awsEndpoint != null && dataDir != null) {
            throw new IllegalArgumentException("--data-dir keeps embedded data; with --aws-endpoint the data lives there");
        }
        return new Options(port, dataDir, awsEndpoint, sqsConcurrency);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number from 0 to 65535");
        }
    }

    private static int parseConcurrency(String text) {
        try {
            int concurrency = Integer.parseInt(text);
            if (concurrency < 1) {
                throw new NumberFormatException();
            }
            return concurrency;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sqs-concurrency must be a whole number >= 1");
        }
    }

    private static String usage() {
        return "usage: java -jar local/target/go-local.jar [--port 8080] [--data-dir DIR] [--sqs-concurrency N]\n"
                + "  --port      HTTP port of the local API (0 picks a free one; default 8080)\n"
                + "  --data-dir  keep DynamoDB data, assets, queued messages and running executions in DIR between runs (default: in memory)\n"
                + "  --aws-endpoint URL  use DynamoDB and SQS at URL (e.g. LocalStack, http://localhost:4566) instead of the embedded ones\n"
                + "  --sqs-concurrency N batches each SQS event source runs at once, as Lambda scales out (default "
                + SqsEventSourcePoller.defaultConcurrency() + ": twice the cores, at least 2)";
    }
}
