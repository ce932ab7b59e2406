package app.go.infra;

import app.go.wiring.topology.EventSourceSpec;
import app.go.wiring.topology.FunctionSpec;
import app.go.wiring.topology.QueueSpec;
import app.go.wiring.topology.RouteSpec;
import app.go.wiring.topology.ScheduleSpec;
import app.go.wiring.topology.StateMachineSpec;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.topology.TableSpec;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigateway.AccessLogField;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NoncurrentVersionTransition;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system as one stack, generated from {@link SystemTopology}: nothing here names a
 * table, queue or function; every resource comes from iterating the topology.
 *
 * <p>IAM is exact: each function has its own role (no managed policy) with the DynamoDB actions
 * the adapters call on its tables and their named indexes, S3 object actions on the assets bucket,
 * and writes to its own log group. The cdk-nag findings that remain are acknowledged in
 * {@link #acknowledge} with the reason each one cannot be scoped further; alarms and the
 * dashboard are in {@link Monitoring}.
 */
public class GoStack extends Stack {

    public static final String BEDROCK_MODEL_CONTEXT = "bedrockModelId";
    public static final String DEFAULT_BEDROCK_MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";
    public static final String LIVE_ALIAS = "live";
    public static final String ASSETS_BUCKET_ENV = "ASSETS_BUCKET";
    public static final String BEDROCK_MODEL_ENV = "BEDROCK_MODEL_ID";
    /** CDK context key and env var naming the payment provider ({@code offline} until a real one exists). */
    public static final String PAYMENTS_PROVIDER_CONTEXT = "paymentsProvider";
    public static final String PAYMENTS_PROVIDER_ENV = "PAYMENTS_PROVIDER";
    /**
     * Concurrent invocations each SQS event source may drive: bounds the load on Bedrock and
     * DynamoDB from one backlog, and leaves account concurrency to the HTTP API.
     */
    public static final int MAX_SQS_CONCURRENCY = 10;
    public static final String STRIPE = "stripe";
    public static final String STRIPE_SECRET_ARN_ENV = "STRIPE_API_KEY_SECRET_ARN";
    /** CM-GEN-8: the image model (CDK context {@code imageModelId}); generators are real in AWS, never the offline twin. */
    public static final String IMAGE_MODEL_CONTEXT = "imageModelId";
    public static final String DEFAULT_IMAGE_MODEL_ID = "amazon.nova-canvas-v1:0";
    public static final String EMBEDDING_MODEL_CONTEXT = "embeddingModelId";
    public static final String DEFAULT_EMBEDDING_MODEL_ID = "amazon.titan-embed-text-v2:0";
    public static final String EMBEDDING_MODEL_ENV = "EMBEDDING_MODEL_ID";
    public static final String IMAGE_MODEL_ENV = "IMAGE_MODEL_ID";
    public static final String ASSET_PROVIDER_ENV = "ASSET_PROVIDER";
    public static final String AUDIO_PROVIDER_ENV = "AUDIO_PROVIDER";
    public static final String TEXT_DETECTOR_ENV = "TEXT_DETECTOR";

    private final Path repoRoot;
    private final String bedrockModelId;
    private final String paymentsProvider;
    private final Map<TableSpec, Table> tables = new LinkedHashMap<>();
    private final Map<QueueSpec, Queue> queues = new LinkedHashMap<>();
    private final Map<QueueSpec, Queue> deadLetterQueues = new LinkedHashMap<>();
    private final Map<FunctionSpec, Function> functions = new LinkedHashMap<>();
    private final Map<FunctionSpec, Alias> aliases = new LinkedHashMap<>();
    private final Map<StateMachineSpec, StateMachine> stateMachines = new LinkedHashMap<>();
    private final Map<String, Code> codeByJar = new HashMap<>();
    private final Map<String, Queue> scheduleDlqs = new LinkedHashMap<>();
    private final Bucket assets;
    private HttpApi api;
    private final ReplyGuardrail guardrail;

    /** A stack whose Lambda jars are found under the default repository root ({@code ..}). */
    public GoStack(Construct scope, String id, StackProps props) {
        this(scope, id, props, defaultRepoRoot());
    }

    /** @param repoRoot where {@code functions/<module>/target/<module>.jar} and {@code statemachines/} live */
    public GoStack(Construct scope, String id, StackProps props, Path repoRoot) {
        super(scope, id, props);
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
        this.bedrockModelId = Optional.ofNullable(getNode().tryGetContext(BEDROCK_MODEL_CONTEXT))
                .map(Object::toString).orElse(DEFAULT_BEDROCK_MODEL_ID);
        this.paymentsProvider = Optional.ofNullable(getNode().tryGetContext(PAYMENTS_PROVIDER_CONTEXT))
                .map(Object::toString).orElse("offline");
        if ("offline".equals(paymentsProvider)) {
            // the simulated provider is selected: say so loudly at every synth and deploy
            Annotations.of(this).addWarningV2("go:offline-payments", "PAYMENTS_PROVIDER is 'offline': charges are "
                    + "simulated and always succeed unless the token starts with tok_decline. Not for production.");
        }

        SystemTopology.TABLES.forEach(this::table);
        SystemTopology.QUEUES.forEach(this::queue);
        assets = assetsBucket();
        guardrail = new ReplyGuardrail(this, "ReplyGuardrail");
        SystemTopology.FUNCTIONS.forEach(this::function);
        SystemTopology.ASSET_GENERATORS.forEach(this::assetGeneration);
        SystemTopology.KNOWLEDGE_EMBEDDERS.forEach(this::knowledgeEmbedding);
        SystemTopology.ASSET_CHECKERS.forEach(this::assetChecks);
        SystemTopology.EVENT_SOURCES.forEach(this::eventSource);
        SystemTopology.STATE_MACHINES.forEach(this::stateMachine);
        SystemTopology.FUNCTIONS.forEach(this::grantStarts);
        SystemTopology.SCHEDULES.forEach(this::schedule);
        if (STRIPE.equals(paymentsProvider)) {
            stripeApiKeySecret();
        }
        httpApi();
        output("AssetsBucketName", assets.getBucketName());
        new Monitoring(this, "Monitoring", new Monitoring.Watched(functions, queues, scheduleDlqs, stateMachines, api));
    }

    /** The parent of the working directory: {@code infra-cdk/..} when run from {@code infra-cdk/}. */
    public static Path defaultRepoRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** {@code inbound-messages} → {@code InboundMessages}: construct ids are PascalCase. */
    public static String pascal(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("[-_ ]+")) {
            if (!part.isEmpty()) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    // ---- DynamoDB ----------------------------------------------------------------------------------

    private void table(TableSpec spec) {
        Table table = Table.Builder.create(this, pascal(spec.id()) + "Table")
                .partitionKey(stringKey(spec.partitionKey()))
                .sortKey(spec.sortKey() == null ? null : stringKey(spec.sortKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.AWS_MANAGED)
                .timeToLiveAttribute(spec.ttlAttribute().orElse(null))
                .removalPolicy(RemovalPolicy.RETAIN)
                .deletionProtection(true)
                .build();
        for (TableSpec.IndexSpec index : spec.indexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(stringKey(index.partitionKey()))
                    .sortKey(index.sortKey() == null ? null : stringKey(index.sortKey()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
        tables.put(spec, table);
    }

    private static Attribute stringKey(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    // ---- SQS ---------------------------------------------------------------------------------------

    private void queue(QueueSpec spec) {
        if (spec.maxReceiveCount() < 5) {
            throw new IllegalStateException("queue " + spec.id() + ": maxReceiveCount must be >= 5");
        }
        String id = pascal(spec.id());
        Boolean fifo = spec.fifo() ? Boolean.TRUE : null;
        Queue dlq = Queue.Builder.create(this, id + "Dlq")
                .fifo(fifo)
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        Queue queue = Queue.Builder.create(this, id + "Queue")
                .fifo(fifo)
                .contentBasedDeduplication(fifo)
                .visibilityTimeout(visibilityTimeout(spec).orElse(null))
                .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(spec.maxReceiveCount()).build())
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        queues.put(spec, queue);
        deadLetterQueues.put(spec, dlq);
    }

    /** Six times the (slowest) consumer's timeout; a queue nobody consumes keeps the SQS default. */
    private static Optional<Duration> visibilityTimeout(QueueSpec queue) {
        return SystemTopology.EVENT_SOURCES.stream()
                .filter(es -> es.queue().equals(queue))
                .map(EventSourceSpec::visibilityTimeout)
                .max(java.time.Duration::compareTo)
                .map(d -> Duration.seconds(d.toSeconds()));
    }

    // ---- S3 ----------------------------------------------------------------------------------------

    private Bucket assetsBucket() {
        Bucket accessLogs = Bucket.Builder.create(this, "AssetsAccessLogsBucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs")
                        .expiration(Duration.days(90)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        acknowledge(accessLogs, "AwsSolutions-S1",
                "this bucket is the assets bucket's server access log target; logging it into itself would loop");
        return Bucket.Builder.create(this, "AssetsBucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("assets/")
                .lifecycleRules(assetsLifecycle())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /**
     * Versioning keeps every overwritten preview and final (a revision rewrites them): old versions
     * move to infrequent access after 30 days and are deleted after 90; unfinished uploads after 7.
     */
    private static List<LifecycleRule> assetsLifecycle() {
        return List.of(LifecycleRule.builder()
                .id("old-versions-and-uploads")
                .noncurrentVersionTransitions(List.of(NoncurrentVersionTransition.builder()
                        .storageClass(software.amazon.awscdk.services.s3.StorageClass.INFREQUENT_ACCESS)
                        .transitionAfter(Duration.days(30)).build()))
                .noncurrentVersionExpiration(Duration.days(90))
                .abortIncompleteMultipartUploadAfter(Duration.days(7))
                .build());
    }

    // ---- Lambda ------------------------------------------------------------------------------------

    private void function(FunctionSpec spec) {
        String id = spec.id() + "Function";
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        env.put("POWERTOOLS_SERVICE_NAME", "go");
        env.put(PAYMENTS_PROVIDER_ENV, paymentsProvider);
        spec.readsWrites().forEach(t -> env.put(t.envVar(), tables.get(t).getTableName()));
        spec.sendsTo().forEach(q -> env.put(q.envVar(), queues.get(q).getQueueUrl()));
        if (spec.usesAssets()) env.put(ASSETS_BUCKET_ENV, assets.getBucketName());
        if (spec.usesBedrock()) env.put(BEDROCK_MODEL_ENV, bedrockModelId);
        if (spec.usesBedrock()) guardrailEnvironment(env);
        // state machine ARNs are added in grantStarts(), once the state machines exist

        LogGroup logs = LogGroup.Builder.create(this, id + "Logs").retention(RetentionDays.ONE_MONTH).build();
        Role role = Role.Builder.create(this, id + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("exactly what " + spec.id() + " calls; no managed policy")
                .build();
        logs.grantWrite(role);

        Function fn = Function.Builder.create(this, id)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(code(spec))
                .handler(spec.handlerClass() + "::handleRequest")
                .memorySize(spec.memoryMb())
                .timeout(Duration.seconds(spec.timeout().toSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(env)
                .role(role)
                .tracing(Tracing.ACTIVE)
                .logGroup(logs)
                .build();

        acknowledge(fn, "AwsSolutions-L1",
                "the functions are compiled for Java 17 and deployed on java21, the LTS runtime the customer fixed; a newer runtime is a deliberate upgrade, not a lint fix");
        spec.readsWrites().forEach(t -> grantItems(role, t));
        spec.sendsTo().forEach(q -> queues.get(q).grantSendMessages(fn));
        if (spec.usesAssets()) grantObjects(role);
        acknowledge(role, "AwsSolutions-IAM5[Resource::*]",
                "X-Ray's PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions"
                        + (SystemTopology.ASSET_CHECKERS.contains(spec)
                        ? "; nor does Rekognition's DetectText (the text and watermark check on image bytes, no Rekognition resource)" : ""));
        if (spec.usesBedrock()) guardrail.grantApply(fn);
        if (spec.usesBedrock()) {
            // Converse/ConverseStream are authorized by these same two actions.
            fn.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"))
                    .resources(List.of(formatArn(ArnComponents.builder()
                            .service("bedrock").account("").resource("foundation-model")
                            .resourceName(bedrockModelId).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
                    .build());
        }

        // SnapStart applies to published versions: everything points at the "live" alias.
        Annotations.of(fn).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the current version is published and invoked through the live alias");
        Alias alias = Alias.Builder.create(this, id + "LiveAlias")
                .aliasName(LIVE_ALIAS)
                .version(fn.getCurrentVersion())
                .build();
        functions.put(spec, fn);
        aliases.put(spec, alias);
    }

    /** The item actions the DynamoDB adapters call, on the table and each of its named indexes (no index/*). */
    private void grantItems(IRole role, TableSpec spec) {
        Table table = tables.get(spec);
        List<String> resources = new java.util.ArrayList<>(List.of(table.getTableArn()));
        spec.indexes().forEach(index -> resources.add(table.getTableArn() + "/index/" + index.name()));
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:Query", "dynamodb:ConditionCheckItem",
                        "dynamodb:DescribeTable"))
                .resources(resources)
                .build());
    }

    /** Get, put and delete of single objects (S3BlobStore's calls); no listing, no bucket-level actions. */
    private void grantObjects(Role role) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"))
                .resources(List.of(assets.arnForObjects("*")))
                .build());
        acknowledge(role, "AwsSolutions-IAM5[Resource::<" + logicalId(assets) + ".Arn>/*]",
                "object keys (sellers/<seller>/generations/<id>/...) are created at run time; the actions are exact");
    }

    /** Records a cdk-nag finding that stays, with the reason, on the construct it is about. */
    static void acknowledge(software.constructs.IConstruct scope, String ruleId, String reason) {
        Validations.of(scope).acknowledge(Acknowledgment.builder().id(ruleId).reason(reason).build());
    }

    private String logicalId(software.constructs.IConstruct construct) {
        return (String) resolve(getLogicalId((CfnElement) construct.getNode().getDefaultChild()));
    }

    /**
     * CM-GEN-8: a function that generates assets calls Nova Canvas (InvokeModel on that model only) and
     * names its providers explicitly. No audio provider is configured here, so audio generation is
     * refused with 503 GENERATOR_NOT_CONFIGURED until one is (README: Creation Model, audio).
     */
    private void assetGeneration(FunctionSpec spec) {
        Function fn = functions.get(spec);
        String imageModelId = Optional.ofNullable(getNode().tryGetContext(IMAGE_MODEL_CONTEXT)).map(Object::toString)
                .orElse(DEFAULT_IMAGE_MODEL_ID);
        fn.addEnvironment(ASSET_PROVIDER_ENV, "bedrock");
        fn.addEnvironment(IMAGE_MODEL_ENV, imageModelId);
        fn.addEnvironment(AUDIO_PROVIDER_ENV, "none");
        fn.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("bedrock:InvokeModel"))
                .resources(List.of(formatArn(ArnComponents.builder()
                        .service("bedrock").account("").resource("foundation-model")
                        .resourceName(imageModelId).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
                .build());
    }

    /**
     * CM-AST-6: the functions that run the asset checks read text on training images with Rekognition
     * DetectText, which acts on the bytes sent and has no resource to scope to ("*").
     */
    private void assetChecks(FunctionSpec spec) {
        Function fn = functions.get(spec);
        fn.addEnvironment(TEXT_DETECTOR_ENV, "rekognition");
        fn.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("rekognition:DetectText"))
                .resources(List.of("*"))
                .build());
    }

    /** Issue 7: InvokeModel on the embedding model only, and its id in the environment. */
    private void knowledgeEmbedding(FunctionSpec spec) {
        Function fn = functions.get(spec);
        String modelId = Optional.ofNullable(getNode().tryGetContext(EMBEDDING_MODEL_CONTEXT)).map(Object::toString)
                .orElse(DEFAULT_EMBEDDING_MODEL_ID);
        fn.addEnvironment(EMBEDDING_MODEL_ENV, modelId);
        fn.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("bedrock:InvokeModel"))
                .resources(List.of(formatArn(ArnComponents.builder()
                        .service("bedrock").account("").resource("foundation-model")
                        .resourceName(modelId).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
                .build());
    }

    /** PA-SAFE-1: the functions that call Converse name the reply guardrail (the Bedrock adapter sends it as guardrailConfig). */
    private void guardrailEnvironment(Map<String, String> env) {
        env.put(ReplyGuardrail.ID_ENV, guardrail.guardrailId());
        env.put(ReplyGuardrail.VERSION_ENV, guardrail.version());
    }

    /** One asset per jar, shared by the functions packaged in the same module. */
    private Code code(FunctionSpec spec) {
        return codeByJar.computeIfAbsent(spec.jarPath(), jar -> {
            Path path = repoRoot.resolve(jar);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("Lambda jar not found: " + path + " (build the functions first)");
            }
            return Code.fromAsset(path.toString());
        });
    }

    /**
     * BILL-3 with {@code paymentsProvider=stripe}: the Stripe API key lives in a Secrets Manager secret
     * (its value is set out of band, never in the template); the functions that charge get read access
     * and only the secret's ARN in their environment.
     */
    private void stripeApiKeySecret() {
        Secret secret = Secret.Builder.create(this, "StripeApiKey")
                .description("Stripe secret API key for Go's payments; replace the generated value with the key")
                .build();
        for (FunctionSpec spec : SystemTopology.PAYING_FUNCTIONS) {
            Function fn = functions.get(spec);
            secret.grantRead(fn);
            fn.addEnvironment(STRIPE_SECRET_ARN_ENV, secret.getSecretArn());
        }
    }

    private void eventSource(EventSourceSpec spec) {
        SqsEventSourceProps.Builder props = SqsEventSourceProps.builder()
                .batchSize(spec.batchSize())
                .maxConcurrency(MAX_SQS_CONCURRENCY)
                .reportBatchItemFailures(true);
        // FIFO event sources do not accept a batching window.
        if (!spec.queue().fifo() && !spec.maxBatchingWindow().isZero()) {
            props.maxBatchingWindow(Duration.seconds(spec.maxBatchingWindow().toSeconds()));
        }
        aliases.get(spec.function()).addEventSource(new SqsEventSource(queues.get(spec.queue()), props.build()));
        // the consumer parks poison records on the dead-letter queue itself, at once (SqsBatch)
        Queue dlq = deadLetterQueues.get(spec.queue());
        functions.get(spec.function()).addEnvironment(spec.queue().deadLetterEnvVar(), dlq.getQueueUrl());
        dlq.grantSendMessages(functions.get(spec.function()));
    }

    // ---- Step Functions ----------------------------------------------------------------------------

    private void stateMachine(StateMachineSpec spec) {
        String id = pascal(spec.id()) + "StateMachine";
        Role role = Role.Builder.create(this, id + "Role")
                .assumedBy(new ServicePrincipal("states.amazonaws.com"))
                .build();
        Map<String, String> substitutions = new LinkedHashMap<>();
        spec.functionArns().forEach((placeholder, fn) -> substitutions.put(placeholder, aliases.get(fn).getFunctionArn()));
        new LinkedHashSet<>(spec.functionArns().values()).forEach(fn -> aliases.get(fn).grantInvoke(role));

        StateMachine machine = StateMachine.Builder.create(this, id)
                .stateMachineName(startsItself(spec) ? physicalName(spec) : null)
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromString(readDefinition(spec)))
                .definitionSubstitutions(substitutions)
                .role(role)
                .tracingEnabled(true)
                .logs(LogOptions.builder()
                        .destination(LogGroup.Builder.create(this, id + "Logs").retention(RetentionDays.ONE_MONTH).build())
                        // every state transition, without the data (DATA-2: inputs may carry message text)
                        .level(LogLevel.ALL)
                        .includeExecutionData(false)
                        .build())
                .build();
        acknowledge(role, "AwsSolutions-IAM5[Resource::*]", "CloudWatch Logs delivery (logs:CreateLogDelivery ...) "
                + "and X-Ray actions that Step Functions logging and tracing need support no resource-level permissions");
        stateMachines.put(spec, machine);
        output(id + "Arn", machine.getStateMachineArn());
    }

    private String readDefinition(StateMachineSpec spec) {
        try {
            return Files.readString(repoRoot.resolve("statemachines").resolve(spec.file()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state machine " + spec.file(), e);
        }
    }

    /**
     * A function that is a task of a state machine and also starts it would make a dependency cycle
     * (function → state machine ARN → alias → function). Such a machine gets a fixed name, and the
     * function gets its ARN built from that name instead of a reference.
     */
    private static boolean startsItself(StateMachineSpec spec) {
        return spec.functionArns().values().stream().anyMatch(fn -> fn.starts().contains(spec.envVar()));
    }

    private String physicalName(StateMachineSpec spec) {
        return getStackName() + "-" + spec.id();
    }

    private void grantStarts(FunctionSpec spec) {
        Function fn = functions.get(spec);
        for (String envVar : spec.starts()) {
            StateMachineSpec smSpec = SystemTopology.STATE_MACHINES.stream()
                    .filter(sm -> sm.envVar().equals(envVar)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(spec.id() + " starts unknown state machine " + envVar));
            StateMachine machine = stateMachines.get(smSpec);
            if (smSpec.functionArns().containsValue(spec)) {
                String arn = formatArn(ArnComponents.builder().service("states").resource("stateMachine")
                        .resourceName(physicalName(smSpec)).arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
                fn.addEnvironment(envVar, arn);
                fn.addToRolePolicy(PolicyStatement.Builder.create()
                        .actions(List.of("states:StartExecution")).resources(List.of(arn)).build());
            } else {
                fn.addEnvironment(envVar, machine.getStateMachineArn());
                machine.grantStartExecution(fn);
            }
        }
    }

    // ---- EventBridge -------------------------------------------------------------------------------

    private void schedule(ScheduleSpec spec) {
        String id = pascal(spec.id());
        // an invocation EventBridge could not deliver after its retries lands here instead of vanishing
        Queue dlq = Queue.Builder.create(this, id + "TargetDlq")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        acknowledge(dlq, "AwsSolutions-SQS3", "it is the dead-letter queue of the " + spec.id() + " EventBridge target");
        scheduleDlqs.put(spec.id(), dlq);
        Rule.Builder.create(this, id + "Rule")
                .schedule(Schedule.expression(spec.expression()))
                .targets(List.of(new LambdaFunction(aliases.get(spec.function()),
                        LambdaFunctionProps.builder().retryAttempts(2).maxEventAge(Duration.hours(1))
                                .deadLetterQueue(dlq).build())))
                .build();
    }

    // ---- HTTP API ----------------------------------------------------------------------------------

    private void httpApi() {
        // Cognito puts custom attributes in the ID token as "custom:role" (the local runtime's tokens
        // say "role"); clients send the ID token. Users cannot write custom:role themselves: the
        // client's write attributes are limited to standard ones, so only admins assign roles.
        UserPool userPool = UserPool.Builder.create(this, "UserPool")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).build())
                .customAttributes(Map.of("role", StringAttribute.Builder.create().minLen(1).maxLen(16).mutable(true).build()))
                .passwordPolicy(PasswordPolicy.builder().minLength(12).requireLowercase(true).requireUppercase(true)
                        .requireDigits(true).requireSymbols(true).tempPasswordValidity(Duration.days(3)).build())
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                // threat protection (compromised credentials, risky sign-ins) blocks, not only logs
                .featurePlan(FeaturePlan.PLUS)
                .standardThreatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        acknowledge(userPool, "AwsSolutions-COG2",
                "MFA is optional (TOTP): sellers and clients are marketplace users the platform provisions, not admins");
        UserPoolClient client = userPool.addClient("UserPoolClient", UserPoolClientOptions.builder()
                .generateSecret(false)
                .disableOAuth(true)
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .preventUserExistenceErrors(true)
                .writeAttributes(new ClientAttributes().withStandardAttributes(
                        StandardAttributesMask.builder().email(true).fullname(true).build()))
                .build());
        HttpUserPoolAuthorizer authorizer = new HttpUserPoolAuthorizer("CognitoAuthorizer", userPool,
                HttpUserPoolAuthorizerProps.builder().userPoolClients(List.of(client)).build());

        api = HttpApi.Builder.create(this, "HttpApi").createDefaultStage(false).build();
        HttpStage stage = HttpStage.Builder.create(this, "HttpApiDefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .accessLogSettings(accessLogs())
                .throttle(ThrottleSettings.builder().burstLimit(100).rateLimit(50).build())
                .build();

        Map<FunctionSpec, HttpLambdaIntegration> integrations = new HashMap<>();
        for (RouteSpec route : SystemTopology.ROUTES) {
            HttpLambdaIntegration integration = integrations.computeIfAbsent(route.function(),
                    // one invoke permission per function for the whole API, not one per route: the
                    // function's resource policy (20 KB) stays small however many routes there are
                    fn -> new HttpLambdaIntegration(fn.id() + "Integration", aliases.get(fn),
                            HttpLambdaIntegrationProps.builder().scopePermissionToRoute(false).build()));
            AddRoutesOptions.Builder options = AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integration);
            if (route.authenticated()) options.authorizer(authorizer);
            api.addRoutes(options.build());
        }

        output("ApiUrl", stage.getUrl());
        output("UserPoolId", userPool.getUserPoolId());
        output("UserPoolClientId", client.getUserPoolClientId());
    }

    /** One JSON line per request; requestId is the id clients get back and every function log line carries. */
    private IAccessLogSettings accessLogs() {
        LogGroup group = LogGroup.Builder.create(this, "HttpApiAccessLogs").retention(RetentionDays.ONE_MONTH).build();
        AccessLogFormat format = AccessLogFormat.custom(toJsonString(Map.of(
                "requestId", AccessLogField.contextRequestId(),
                "routeKey", "$context.routeKey",
                "status", AccessLogField.contextStatus(),
                "latencyMs", "$context.responseLatency",
                "integrationError", "$context.integrationErrorMessage",
                "sub", "$context.authorizer.claims.sub",
                "ip", AccessLogField.contextIdentitySourceIp(),
                "time", AccessLogField.contextRequestTime())));
        LogGroupLogDestination destination = new LogGroupLogDestination(group);
        return new IAccessLogSettings() {
            @Override
            public software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination getDestination() {
                return destination;
            }

            @Override
            public AccessLogFormat getFormat() {
                return format;
            }
        };
    }

    private void output(String id, String value) {
        CfnOutput.Builder.create(this, id).value(value).build();
    }
}
