package app.go.infra;

import app.go.wiring.topology.EventSourceSpec;
import app.go.wiring.topology.FunctionSpec;
import app.go.wiring.topology.QueueSpec;
import app.go.wiring.topology.RouteSpec;
import app.go.wiring.topology.ScheduleSpec;
import app.go.wiring.topology.StateMachineSpec;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.topology.TableSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Assertions on the synthesized CloudFormation template, driven by {@link SystemTopology}: every
 * table, queue, function, event source, state machine, schedule and route the topology lists is
 * checked, so a new entry there is covered here without touching this class.
 */
@DisplayName("GoStack synthesized from the system topology")
class GoStackTest {

    private static final Path REPO_ROOT = SynthesizedStack.REPO_ROOT;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Actions AWS does not allow to scope to a resource; CDK adds them for state machine logging and tracing. */
    private static final Set<String> STAR_ONLY_ACTIONS = Set.of(
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups", "xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "xray:GetSamplingRules", "xray:GetSamplingTargets", "rekognition:DetectText");

    // parameter sources, each argument named by its topology id
    static final List<Named<TableSpec>> tables = named(SystemTopology.TABLES, TableSpec::id);
    static final List<Named<QueueSpec>> queues = named(SystemTopology.QUEUES, QueueSpec::id);
    static final List<Named<FunctionSpec>> functions = named(SystemTopology.FUNCTIONS, FunctionSpec::id);
    static final List<Named<EventSourceSpec>> eventSources = named(SystemTopology.EVENT_SOURCES,
            es -> es.queue().id() + " -> " + es.function().id());
    static final List<Named<StateMachineSpec>> stateMachines = named(SystemTopology.STATE_MACHINES, StateMachineSpec::id);
    static final List<Named<ScheduleSpec>> schedules = named(SystemTopology.SCHEDULES, ScheduleSpec::id);

    private static Template template;
    private static GoStack stack;

    @BeforeAll
    static void synthesizeOnce() {
        stack = SynthesizedStack.get().stack;
        template = SynthesizedStack.get().template;
    }

    // ---- DynamoDB --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @FieldSource("tables")
    @DisplayName("each table is on-demand, point-in-time recoverable, encrypted, retained, with its keys, GSIs and TTL")
    void tableIsConfiguredFromItsSpec(TableSpec spec) {
        Map<String, Object> table = resource("AWS::DynamoDB::Table", GoStack.pascal(spec.id()) + "Table");
        Map<String, Object> props = props(table);
        assertEquals("PAY_PER_REQUEST", props.get("BillingMode"));
        assertEquals(Map.of("PointInTimeRecoveryEnabled", true), props.get("PointInTimeRecoverySpecification"));
        assertEquals(true, map(props.get("SSESpecification")).get("SSEEnabled"));
        assertEquals("Retain", table.get("DeletionPolicy"));

        List<Object> keys = new ArrayList<>(List.of(Map.of("AttributeName", spec.partitionKey(), "KeyType", "HASH")));
        if (spec.sortKey() != null) keys.add(Map.of("AttributeName", spec.sortKey(), "KeyType", "RANGE"));
        assertEquals(keys, props.get("KeySchema"));
        for (Object definition : list(props.get("AttributeDefinitions"))) {
            assertEquals("S", map(definition).get("AttributeType"), "keys are strings");
        }

        Set<String> indexes = list(props.getOrDefault("GlobalSecondaryIndexes", List.of())).stream()
                .peek(i -> assertEquals(Map.of("ProjectionType", "ALL"), map(i).get("Projection")))
                .map(i -> (String) map(i).get("IndexName")).collect(Collectors.toSet());
        assertEquals(spec.indexes().stream().map(TableSpec.IndexSpec::name).collect(Collectors.toSet()), indexes);

        if (spec.ttlAttribute().isPresent()) {
            assertEquals(Map.of("AttributeName", spec.ttlAttribute().get(), "Enabled", true),
                    props.get("TimeToLiveSpecification"));
        } else {
            assertFalse(props.containsKey("TimeToLiveSpecification"));
        }
    }

    @Test
    @DisplayName("there is exactly one DynamoDB table per TableSpec")
    void oneTablePerSpec() {
        template.resourceCountIs("AWS::DynamoDB::Table", SystemTopology.TABLES.size());
    }

    // ---- SQS -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @FieldSource("queues")
    @DisplayName("each queue redrives to its own DLQ (maxReceiveCount >= 5, 14-day retention), encrypted and TLS-only")
    void queueHasDeadLetterQueue(QueueSpec spec) {
        String queueId = logicalId("AWS::SQS::Queue", GoStack.pascal(spec.id()) + "Queue");
        String dlqId = logicalId("AWS::SQS::Queue", GoStack.pascal(spec.id()) + "Dlq");
        Map<String, Object> queue = props(template.findResources("AWS::SQS::Queue").get(queueId));
        Map<String, Object> dlq = props(template.findResources("AWS::SQS::Queue").get(dlqId));

        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
        assertTrue(((Number) redrive.get("maxReceiveCount")).intValue() >= 5);
        assertEquals(spec.maxReceiveCount(), ((Number) redrive.get("maxReceiveCount")).intValue());
        assertEquals(Map.of("Fn::GetAtt", List.of(dlqId, "Arn")), redrive.get("deadLetterTargetArn"));
        assertEquals(14 * 24 * 3600, ((Number) dlq.get("MessageRetentionPeriod")).intValue());
        for (Map<String, Object> q : List.of(queue, dlq)) {
            assertEquals(true, q.get("SqsManagedSseEnabled"));
            assertEquals(spec.fifo(), Boolean.TRUE.equals(q.get("FifoQueue")), "DLQ of a FIFO queue is FIFO too");
        }
        for (String id : List.of(queueId, dlqId)) {
            template.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of(
                    "Queues", List.of(Map.of("Ref", id)),
                    "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Effect", "Deny",
                            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
        }
    }

    @Test
    @DisplayName("INBOUND_MESSAGES is a FIFO queue with content-based deduplication")
    void inboundMessagesIsFifo() {
        Map<String, Object> queue = props(resource("AWS::SQS::Queue",
                GoStack.pascal(SystemTopology.INBOUND_MESSAGES.id()) + "Queue"));
        assertEquals(true, queue.get("FifoQueue"));
        assertEquals(true, queue.get("ContentBasedDeduplication"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("eventSources")
    @DisplayName("each consumed queue's VisibilityTimeout is at least 6x its consumer's Timeout")
    void visibilityTimeoutCoversConsumer(EventSourceSpec spec) {
        Map<String, Object> queue = props(resource("AWS::SQS::Queue", GoStack.pascal(spec.queue().id()) + "Queue"));
        Map<String, Object> function = props(template.findResources("AWS::Lambda::Function").get(functionId(spec.function())));
        assertTrue(number(queue.get("VisibilityTimeout")) >= 6 * number(function.get("Timeout")),
                "visibility " + queue.get("VisibilityTimeout") + " vs timeout " + function.get("Timeout"));
    }

    // ---- Lambda ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @FieldSource("functions")
    @DisplayName("each function is java21 on arm64 with SnapStart, its memory and timeout, and the environment it needs")
    void functionIsConfiguredFromItsSpec(FunctionSpec spec) {
        Map<String, Object> props = props(template.findResources("AWS::Lambda::Function").get(functionId(spec)));
        assertEquals("java21", props.get("Runtime"));
        assertEquals(List.of("arm64"), props.get("Architectures"));
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), props.get("SnapStart"));
        assertEquals(spec.memoryMb(), number(props.get("MemorySize")));
        assertEquals(spec.timeout().toSeconds(), number(props.get("Timeout")));
        assertNotNull(map(props.get("LoggingConfig")).get("LogGroup"), "logs go to the function's own log group");

        Map<String, Object> env = map(map(props.get("Environment")).get("Variables"));
        Set<String> expected = new HashSet<>(Set.of("JAVA_TOOL_OPTIONS", "POWERTOOLS_SERVICE_NAME", GoStack.PAYMENTS_PROVIDER_ENV));
        spec.readsWrites().forEach(t -> expected.add(t.envVar()));
        spec.sendsTo().forEach(q -> expected.add(q.envVar()));
        consumedQueues(spec).forEach(q -> expected.add(q.deadLetterEnvVar())); // poison records are parked there
        expected.addAll(spec.starts());
        if (spec.usesAssets()) expected.add(GoStack.ASSETS_BUCKET_ENV);
        if (spec.usesBedrock()) expected.addAll(Set.of(GoStack.BEDROCK_MODEL_ENV, ReplyGuardrail.ID_ENV, ReplyGuardrail.VERSION_ENV));
        if (SystemTopology.ASSET_GENERATORS.contains(spec)) {
            expected.addAll(Set.of(GoStack.ASSET_PROVIDER_ENV, GoStack.IMAGE_MODEL_ENV, GoStack.AUDIO_PROVIDER_ENV));
        }
        if (SystemTopology.KNOWLEDGE_EMBEDDERS.contains(spec)) expected.add(GoStack.EMBEDDING_MODEL_ENV);
        if (SystemTopology.ASSET_CHECKERS.contains(spec)) expected.add(GoStack.TEXT_DETECTOR_ENV);
        assertEquals(expected, env.keySet());
        spec.readsWrites().forEach(t -> assertEquals(ref(logicalId("AWS::DynamoDB::Table", GoStack.pascal(t.id()) + "Table")),
                env.get(t.envVar())));
        spec.sendsTo().forEach(q -> assertEquals(ref(logicalId("AWS::SQS::Queue", GoStack.pascal(q.id()) + "Queue")),
                env.get(q.envVar())));
        if (spec.usesBedrock()) assertEquals(GoStack.DEFAULT_BEDROCK_MODEL_ID, env.get(GoStack.BEDROCK_MODEL_ENV));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("functions")
    @DisplayName("each function has a published version behind a 'live' alias and a log group kept one month")
    void functionHasLiveAliasAndLogRetention(FunctionSpec spec) {
        assertNotNull(aliasId(spec));
        Map<String, Object> props = props(template.findResources("AWS::Lambda::Function").get(functionId(spec)));
        String logGroupId = (String) map(map(props.get("LoggingConfig")).get("LogGroup")).get("Ref");
        assertEquals(30, number(props(template.findResources("AWS::Logs::LogGroup").get(logGroupId)).get("RetentionInDays")));
    }


    @ParameterizedTest(name = "{0}")
    @FieldSource("functions")
    @DisplayName("each function's role reaches exactly the tables, queues and state machines its spec names")
    void functionRoleIsLeastPrivilege(FunctionSpec spec) {
        String roleId = (String) list(map(props(template.findResources("AWS::Lambda::Function")
                .get(functionId(spec))).get("Role")).get("Fn::GetAtt")).get(0);
        List<Map<String, Object>> statements = statementsOfRole(roleId);

        Set<String> tableIds = referencedIds(statements, "dynamodb:");
        assertEquals(spec.readsWrites().stream().map(t -> logicalId("AWS::DynamoDB::Table", GoStack.pascal(t.id()) + "Table"))
                .collect(Collectors.toSet()), tableIds);

        Set<String> sendTargets = statements.stream().filter(s -> actions(s).contains("sqs:SendMessage"))
                .flatMap(s -> resources(s).stream()).map(GoStackTest::logicalIdIn).collect(Collectors.toSet());
        Set<String> expectedTargets = new HashSet<>(spec.sendsTo().stream()
                .map(q -> logicalId("AWS::SQS::Queue", GoStack.pascal(q.id()) + "Queue")).toList());
        consumedQueues(spec).forEach(q -> expectedTargets.add(logicalId("AWS::SQS::Queue", GoStack.pascal(q.id()) + "Dlq")));
        assertEquals(expectedTargets, sendTargets);

        Set<String> started = referencedIds(statements, "states:StartExecution");
        assertEquals(spec.starts().stream().map(env -> stateMachineId(SystemTopology.STATE_MACHINES.stream()
                .filter(sm -> sm.envVar().equals(env)).findFirst().orElseThrow())).collect(Collectors.toSet()), started);

        assertEquals(spec.usesAssets(), !referencedIds(statements, "s3:").isEmpty());
        assertEquals(spec.usesBedrock(), statements.stream().anyMatch(s -> actions(s).contains("bedrock:InvokeModel")));
    }

    @Test
    @DisplayName("CM-GEN-8 the functions that generate assets call Nova Canvas through InvokeModel on that model only, never the offline twin")
    void assetGeneratorsUseRealModels() {
        for (FunctionSpec spec : SystemTopology.ASSET_GENERATORS) {
            Map<String, Object> props = props(template.findResources("AWS::Lambda::Function").get(functionId(spec)));
            Map<String, Object> env = map(map(props.get("Environment")).get("Variables"));
            assertEquals("bedrock", env.get(GoStack.ASSET_PROVIDER_ENV), spec.id());
            assertEquals(GoStack.DEFAULT_IMAGE_MODEL_ID, env.get(GoStack.IMAGE_MODEL_ENV), spec.id());
            assertEquals("none", env.get(GoStack.AUDIO_PROVIDER_ENV), "audio is refused until a provider is configured");
            String roleId = (String) list(map(props.get("Role")).get("Fn::GetAtt")).get(0);
            assertTrue(statementsOfRole(roleId).stream().anyMatch(s -> actions(s).equals(List.of("bedrock:InvokeModel"))
                            && JSON.valueToTree(s.get("Resource")).toString().contains("::foundation-model/" + GoStack.DEFAULT_IMAGE_MODEL_ID)),
                    spec.id() + " may invoke the image model");
        }
    }

    @Test
    @DisplayName("CM-AST-6 the functions that run asset checks, and only they, may call rekognition:DetectText and use Rekognition, never the offline twin")
    void assetCheckersReadTextWithRekognition() {
        for (FunctionSpec spec : SystemTopology.FUNCTIONS) {
            Map<String, Object> props = props(template.findResources("AWS::Lambda::Function").get(functionId(spec)));
            Map<String, Object> env = map(map(props.get("Environment")).get("Variables"));
            String roleId = (String) list(map(props.get("Role")).get("Fn::GetAtt")).get(0);
            List<Map<String, Object>> rekognition = statementsOfRole(roleId).stream()
                    .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("rekognition:"))).toList();
            if (SystemTopology.ASSET_CHECKERS.contains(spec)) {
                assertEquals("rekognition", env.get(GoStack.TEXT_DETECTOR_ENV), spec.id());
                assertEquals(1, rekognition.size(), spec.id());
                // CDK merges it with the X-Ray statement on "*": DetectText is the only other action there
                assertEquals(List.of("rekognition:DetectText"), actions(rekognition.get(0)).stream()
                        .filter(a -> !a.startsWith("xray:")).toList(), spec.id());
                assertEquals(List.of("*"), resources(rekognition.get(0)));
            } else {
                assertFalse(env.containsKey(GoStack.TEXT_DETECTOR_ENV), spec.id());
                assertTrue(rekognition.isEmpty(), spec.id());
            }
        }
        assertTrue(SystemTopology.ASSET_CHECKERS.containsAll(List.of(SystemTopology.HTTP_API, SystemTopology.TRAIN_MODEL)));
    }

    @Test
    @DisplayName("every SQS event-source mapping reports batch item failures and points at a 'live' alias")
    void eventSourceMappingsReportBatchItemFailures() {
        Map<String, Map<String, Object>> mappings = template.findResources("AWS::Lambda::EventSourceMapping");
        assertEquals(SystemTopology.EVENT_SOURCES.size(), mappings.size());
        for (Map<String, Object> mapping : mappings.values()) {
            assertEquals(List.of("ReportBatchItemFailures"), props(mapping).get("FunctionResponseTypes"));
            assertTrue(JSON.valueToTree(props(mapping).get("FunctionName")).toString().contains(":" + GoStack.LIVE_ALIAS));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("eventSources")
    @DisplayName("each event source maps its queue to its function's alias with its batch size and window")
    void eventSourceFollowsSpec(EventSourceSpec spec) {
        String queueId = logicalId("AWS::SQS::Queue", GoStack.pascal(spec.queue().id()) + "Queue");
        Map<String, Object> props = template.findResources("AWS::Lambda::EventSourceMapping").values().stream()
                .map(GoStackTest::props)
                .filter(p -> Map.of("Fn::GetAtt", List.of(queueId, "Arn")).equals(p.get("EventSourceArn")))
                .findFirst().orElseThrow(() -> new AssertionError("no mapping for " + spec.queue().id()));
        assertEquals(spec.batchSize(), number(props.get("BatchSize")));
        assertTrue(JSON.valueToTree(props.get("FunctionName")).toString().contains("\"" + aliasId(spec.function()) + "\""));
        long window = spec.queue().fifo() ? 0 : spec.maxBatchingWindow().toSeconds();
        assertEquals(window, number(props.getOrDefault("MaximumBatchingWindowInSeconds", 0)));
    }

    // ---- Step Functions --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @FieldSource("stateMachines")
    @DisplayName("each state machine substitutes every ${placeholder} in its ASL file with its function's alias ARN")
    void everyPlaceholderIsSubstituted(StateMachineSpec spec) throws Exception {
        Map<String, Object> props = props(template.findResources("AWS::StepFunctions::StateMachine").get(stateMachineId(spec)));
        Set<String> placeholders = placeholders((String) props.get("DefinitionString"));
        assertEquals(placeholders(Files.readString(aslFile(spec))), placeholders, "the template carries the file as is");
        Map<String, Object> substitutions = map(props.get("DefinitionSubstitutions"));
        assertEquals(placeholders, substitutions.keySet(), "every placeholder has a substitution and no extra one");
        spec.functionArns().forEach((key, fn) -> assertEquals(ref(aliasId(fn)), substitutions.get(key)));
        assertEquals("STANDARD", props.get("StateMachineType"));
        assertEquals(Map.of("Enabled", true), props.get("TracingConfiguration"));
        Map<String, Object> logging = map(props.get("LoggingConfiguration"));
        assertEquals("ALL", logging.get("Level"));
        assertEquals(false, logging.get("IncludeExecutionData"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("stateMachines")
    @DisplayName("in each ASL file every Task state has Retry, Catch and TimeoutSeconds")
    void everyTaskIsGuarded(StateMachineSpec spec) throws Exception {
        List<String> tasks = new ArrayList<>();
        collectTasks(JSON.readTree(aslFile(spec).toFile()).get("States"), tasks, spec);
        assertFalse(tasks.isEmpty(), "the machine has tasks");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("stateMachines")
    @DisplayName("each state machine's role may invoke exactly its own functions' aliases and nothing else")
    void stateMachineRoleInvokesOnlyItsFunctions(StateMachineSpec spec) {
        Map<String, Object> props = props(template.findResources("AWS::StepFunctions::StateMachine").get(stateMachineId(spec)));
        String roleId = (String) list(map(props.get("RoleArn")).get("Fn::GetAtt")).get(0);
        List<Map<String, Object>> statements = statementsOfRole(roleId);
        List<Map<String, Object>> invokes = statements.stream()
                .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("lambda:"))).toList();
        assertFalse(invokes.isEmpty());
        for (Map<String, Object> s : invokes) {
            assertEquals(List.of("lambda:InvokeFunction"), actions(s));
            assertFalse(resources(s).contains("*"));
        }
        Set<String> expected = spec.functionArns().values().stream().map(GoStackTest::aliasId).collect(Collectors.toSet());
        assertEquals(expected, referencedIds(invokes, "lambda:InvokeFunction"));
        for (Map<String, Object> s : statements) {
            if (resources(s).contains("*")) assertTrue(STAR_ONLY_ACTIONS.containsAll(actions(s)), s.toString());
        }
    }

    // ---- EventBridge -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @FieldSource("schedules")
    @DisplayName("each schedule is an EventBridge rule with its expression targeting its function's alias, 2 retries")
    void scheduleTargetsItsFunction(ScheduleSpec spec) {
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "ScheduleExpression", spec.expression(),
                "State", "ENABLED",
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", ref(aliasId(spec.function())),
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 2))))));
    }

    @Test
    @DisplayName("the billing schedule targets the billing function (RunBilling)")
    void billingScheduleTargetsBilling() {
        assertEquals("billing", SystemTopology.BILLING_SCHEDULE.function().module());
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "ScheduleExpression", SystemTopology.BILLING_SCHEDULE.expression(),
                "Targets", Match.arrayWith(List.of(Match.objectLike(Map.of("Arn", ref(aliasId(SystemTopology.RUN_BILLING)))))))));
    }

    // ---- HTTP API --------------------------------------------------------------------------------

    @Test
    @DisplayName("the HTTP API has a Cognito JWT authorizer and one route per RouteSpec, authorized where required")
    void httpApiHasJwtAuthorizerAndAllRoutes() {
        template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
        template.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("ProtocolType", "HTTP"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.objectLike(Map.of(
                "AuthorizerType", "JWT",
                "IdentitySource", List.of("$request.header.Authorization"),
                "JwtConfiguration", Match.objectLike(Map.of("Audience", Match.anyValue(), "Issuer", Match.anyValue())))));

        Map<String, Map<String, Object>> routes = template.findResources("AWS::ApiGatewayV2::Route").values().stream()
                .map(GoStackTest::props).collect(Collectors.toMap(p -> (String) p.get("RouteKey"), p -> p));
        assertEquals(SystemTopology.ROUTES.stream().map(RouteSpec::routeKey).collect(Collectors.toSet()), routes.keySet());
        for (RouteSpec spec : SystemTopology.ROUTES) {
            Map<String, Object> route = routes.get(spec.routeKey());
            assertEquals(spec.authenticated() ? "JWT" : "NONE", route.getOrDefault("AuthorizationType", "NONE"), spec.routeKey());
        }
        for (FunctionSpec fn : SystemTopology.ROUTES.stream().map(RouteSpec::function).distinct().toList()) {
            template.hasResourceProperties("AWS::ApiGatewayV2::Integration", Match.objectLike(Map.of(
                    "IntegrationType", "AWS_PROXY", "IntegrationUri", ref(aliasId(fn)))));
        }
    }

    @Test
    @DisplayName("the HTTP API's default stage auto-deploys with throttling (burst 100, rate 50)")
    void defaultStageIsThrottled() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "ApiId", Match.anyValue(),
                "StageName", "$default",
                "AutoDeploy", true,
                "DefaultRouteSettings", Map.of("ThrottlingBurstLimit", 100, "ThrottlingRateLimit", 50)));
    }

    @Test
    @DisplayName("the user pool has no self sign-up, signs in by email, and users cannot write their own role")
    void userPoolIsClosed() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Match.objectLike(Map.of(
                "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true),
                "UsernameAttributes", List.of("email"),
                "Schema", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "role")))))));
        Map<String, Object> client = props(template.findResources("AWS::Cognito::UserPoolClient").values().iterator().next());
        assertFalse(list(client.get("WriteAttributes")).contains("custom:role"));
    }

    // ---- S3, IAM, outputs ------------------------------------------------------------------------

    @Test
    @DisplayName("the assets bucket blocks all public access, is encrypted, versioned, TLS-only and retained")
    void assetsBucketIsPrivate() {
                template.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                        "BucketEncryption", Match.objectLike(Map.of("ServerSideEncryptionConfiguration", Match.anyValue())),
                        "VersioningConfiguration", Map.of("Status", "Enabled"))))));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    @DisplayName("PA-SAFE-1 the reply guardrail: prompt attacks filtered on input, contact/bank/card PII blocked on output, "
            + "off-platform contact and payment denied, contextual grounding; a published version")
    void replyGuardrail() {
        Map<String, Map<String, Object>> guardrails = template.findResources("AWS::Bedrock::Guardrail");
        assertEquals(1, guardrails.size());
        JsonNode props = JSON.valueToTree(props(guardrails.values().iterator().next()));
        JsonNode filters = props.path("ContentPolicyConfig").path("FiltersConfig");
        assertEquals("PROMPT_ATTACK", filters.get(0).path("Type").asText());
        assertEquals("HIGH", filters.get(0).path("InputStrength").asText());
        Set<String> pii = new HashSet<>();
        for (JsonNode entity : props.path("SensitiveInformationPolicyConfig").path("PiiEntitiesConfig")) {
            assertEquals("BLOCK", entity.path("OutputAction").asText(), entity.toString());
            assertTrue(entity.path("OutputEnabled").asBoolean(), entity.toString());
            pii.add(entity.path("Type").asText());
        }
        assertTrue(pii.containsAll(Set.of("EMAIL", "PHONE", "ADDRESS", "INTERNATIONAL_BANK_ACCOUNT_NUMBER", "CREDIT_DEBIT_CARD_NUMBER")), pii.toString());
        JsonNode topic = props.path("TopicPolicyConfig").path("TopicsConfig").get(0);
        assertEquals("DENY", topic.path("Type").asText());
        assertEquals(ReplyGuardrail.OFF_PLATFORM_TOPIC, topic.path("Name").asText());
        Set<String> grounding = new HashSet<>();
        props.path("ContextualGroundingPolicyConfig").path("FiltersConfig").forEach(f -> grounding.add(f.path("Type").asText()));
        assertEquals(Set.of("GROUNDING", "RELEVANCE"), grounding);
        assertEquals(1, template.findResources("AWS::Bedrock::GuardrailVersion").size());
    }

    @Test
    @DisplayName("PA-SAFE-1 every function that calls Converse names the guardrail and its version and may apply it, nothing else may")
    void guardrailIsPassedAndGranted() {
        String guardrailId = logicalId("AWS::Bedrock::Guardrail", "ReplyGuardrail");
        for (FunctionSpec spec : SystemTopology.FUNCTIONS) {
            Map<String, Object> env = map(map(props(template.findResources("AWS::Lambda::Function").get(functionId(spec)))
                    .get("Environment")).get("Variables"));
            assertEquals(spec.usesBedrock(), env.containsKey(ReplyGuardrail.ID_ENV), spec.id());
            if (spec.usesBedrock()) {
                assertTrue(JSON.valueToTree(env.get(ReplyGuardrail.ID_ENV)).toString().contains(guardrailId));
                assertTrue(JSON.valueToTree(env.get(ReplyGuardrail.VERSION_ENV)).toString().contains("ReplyGuardrailVersion"));
            }
        }
        List<Map<String, Object>> applies = allStatements().stream().filter(s -> actions(s).contains("bedrock:ApplyGuardrail")).toList();
        assertEquals(SystemTopology.FUNCTIONS.stream().filter(FunctionSpec::usesBedrock).count(), applies.size());
        applies.forEach(s -> assertTrue(JSON.valueToTree(s.get("Resource")).toString().contains(guardrailId), s.toString()));
    }

    @Test
    @DisplayName("issue 7: the knowledge embedders may InvokeModel on the Titan V2 embedding model ARN and nothing else, with its id set")
    void embeddingModelIsGrantedToTheEmbeddersOnly() {
        List<Map<String, Object>> embedding = allStatements().stream()
                .filter(s -> JSON.valueToTree(s.get("Resource")).toString().contains("foundation-model/" + GoStack.DEFAULT_EMBEDDING_MODEL_ID))
                .toList();
        assertEquals(SystemTopology.KNOWLEDGE_EMBEDDERS.size(), embedding.size());
        embedding.forEach(s -> {
            assertEquals(List.of("bedrock:InvokeModel"), actions(s));
            // a function that also generates assets holds both models in one merged statement
            resources(s).forEach(r -> assertTrue(JSON.valueToTree(r).toString().contains("foundation-model/"), r.toString()));
        });
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Handler",
                SystemTopology.ON_MESSAGE.handlerClass() + "::handleRequest", "Environment", Match.objectLike(Map.of("Variables",
                        Match.objectLike(Map.of(GoStack.EMBEDDING_MODEL_ENV, GoStack.DEFAULT_EMBEDDING_MODEL_ID)))))));
    }

    @Test
    @DisplayName("no IAM statement grants a bedrock action on '*': only the configured foundation model")
    void bedrockIsScopedToTheModel() {
        List<Map<String, Object>> bedrock = allStatements().stream()
                .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("bedrock:") && !a.equals("bedrock:ApplyGuardrail"))).toList();
        // CDK merges a role's statements with the same actions, so there are at most one per grant
        assertTrue(bedrock.size() >= SystemTopology.FUNCTIONS.stream().filter(FunctionSpec::usesBedrock).count()
                && bedrock.size() <= SystemTopology.FUNCTIONS.stream().filter(FunctionSpec::usesBedrock).count()
                + SystemTopology.ASSET_GENERATORS.size() + SystemTopology.KNOWLEDGE_EMBEDDERS.size(), bedrock.toString());
        for (Map<String, Object> s : bedrock) {
            assertFalse(resources(s).contains("*"));
            String resource = JSON.valueToTree(s.get("Resource")).toString();
            if (resource.contains("::foundation-model/" + GoStack.DEFAULT_IMAGE_MODEL_ID)
                    || resource.contains("::foundation-model/" + GoStack.DEFAULT_EMBEDDING_MODEL_ID)) {
                assertEquals(List.of("bedrock:InvokeModel"), actions(s));
            } else {
                assertEquals(Set.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"), Set.copyOf(actions(s)));
                assertTrue(resource.contains("::foundation-model/" + GoStack.DEFAULT_BEDROCK_MODEL_ID));
            }
        }
    }

    @Test
    @DisplayName("'*' appears as an IAM resource only for actions AWS cannot scope (log delivery, X-Ray)")
    void noWildcardResourcesElsewhere() {
        for (Map<String, Object> s : allStatements()) {
            if (resources(s).contains("*")) {
                assertTrue(STAR_ONLY_ACTIONS.containsAll(actions(s)), "unexpected '*' resource: " + s);
            }
        }
    }

    @Test
    @DisplayName("outputs include ApiUrl, the user pool and client ids, the assets bucket and every state machine ARN")
    void outputs() {
        for (String name : List.of("ApiUrl", "UserPoolId", "UserPoolClientId", "AssetsBucketName")) {
            template.hasOutput(name, Match.objectLike(Map.of("Value", Match.anyValue())));
        }
        for (StateMachineSpec spec : SystemTopology.STATE_MACHINES) {
            template.hasOutput(GoStack.pascal(spec.id()) + "StateMachineArn", Map.of("Value", ref(stateMachineId(spec))));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static <T> List<Named<T>> named(List<T> specs, java.util.function.Function<T, String> name) {
        return specs.stream().map(spec -> Named.of(name.apply(spec), spec)).toList();
    }

    private static Path aslFile(StateMachineSpec spec) {
        return REPO_ROOT.resolve("statemachines").resolve(spec.file());
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    /** Walks States, including Parallel branches and Map item processors, asserting on every Task. */
    private static void collectTasks(JsonNode states, List<String> tasks, StateMachineSpec spec) {
        states.fields().forEachRemaining(e -> {
            JsonNode state = e.getValue();
            String where = spec.file() + " state " + e.getKey();
            if ("Task".equals(state.path("Type").asText())) {
                tasks.add(e.getKey());
                for (String field : List.of("Retry", "Catch")) {
                    assertTrue(state.path(field).isArray() && !state.path(field).isEmpty(), where + " lacks " + field);
                }
                assertTrue(state.has("TimeoutSeconds") || state.has("TimeoutSecondsPath"), where + " lacks TimeoutSeconds");
            }
            state.path("Branches").forEach(b -> collectTasks(b.path("States"), tasks, spec));
            for (String processor : List.of("Iterator", "ItemProcessor")) {
                if (state.has(processor)) collectTasks(state.get(processor).path("States"), tasks, spec);
            }
        });
    }

    private static Map<String, Object> resource(String type, String idPrefix) {
        return template.findResources(type).get(logicalId(type, idPrefix));
    }

    private static String logicalId(String type, String idPrefix) {
        List<String> ids = template.findResources(type).keySet().stream()
                .filter(id -> id.matches(Pattern.quote(idPrefix) + "[0-9A-F]{8}")).toList();
        if (ids.size() != 1) fail("expected one " + type + " named " + idPrefix + ", found " + ids + " among " + template.findResources(type).keySet());
        return ids.get(0);
    }

    private static String functionId(FunctionSpec spec) {
        List<String> ids = template.findResources("AWS::Lambda::Function").entrySet().stream()
                .filter(e -> (spec.handlerClass() + "::handleRequest").equals(props(e.getValue()).get("Handler")))
                .map(Map.Entry::getKey).toList();
        assertEquals(1, ids.size(), "one function with handler " + spec.handlerClass());
        return ids.get(0);
    }

    private static String aliasId(FunctionSpec spec) {
        String fnId = functionId(spec);
        List<String> ids = template.findResources("AWS::Lambda::Alias").entrySet().stream()
                .filter(e -> ref(fnId).equals(props(e.getValue()).get("FunctionName"))
                        && GoStack.LIVE_ALIAS.equals(props(e.getValue()).get("Name")))
                .map(Map.Entry::getKey).toList();
        assertEquals(1, ids.size(), "one 'live' alias for " + spec.id());
        String versionId = (String) list(map(props(template.findResources("AWS::Lambda::Alias").get(ids.get(0)))
                .get("FunctionVersion")).get("Fn::GetAtt")).get(0);
        assertEquals(ref(fnId), props(template.findResources("AWS::Lambda::Version").get(versionId)).get("FunctionName"));
        return ids.get(0);
    }

    private static String stateMachineId(StateMachineSpec spec) {
        return logicalId("AWS::StepFunctions::StateMachine", GoStack.pascal(spec.id()) + "StateMachine");
    }

    private static List<Map<String, Object>> statementsOfRole(String roleId) {
        return template.findResources("AWS::IAM::Policy").values().stream()
                .filter(p -> list(props(p).get("Roles")).contains(ref(roleId)))
                .flatMap(p -> statements(p).stream()).toList();
    }

    private static List<Map<String, Object>> allStatements() {
        return template.findResources("AWS::IAM::Policy").values().stream().flatMap(p -> statements(p).stream()).toList();
    }

    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        return list(map(props(policy).get("PolicyDocument")).get("Statement")).stream().map(GoStackTest::map).toList();
    }

    /** Logical ids referenced (Ref / GetAtt, possibly inside Fn::Join) by statements with an action starting with the prefix. */
    private static Set<String> referencedIds(List<Map<String, Object>> statements, String actionPrefix) {
        return statements.stream()
                .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith(actionPrefix)))
                .flatMap(s -> resources(s).stream())
                .map(GoStackTest::logicalIdIn).collect(Collectors.toSet());
    }

    private static String logicalIdIn(Object resource) {
        JsonNode node = JSON.valueToTree(resource);
        JsonNode ref = node.findValue("Ref");
        if (ref != null) return ref.asText();
        JsonNode getAtt = node.findValue("Fn::GetAtt");
        if (getAtt != null) return getAtt.get(0).asText();
        return String.valueOf(resource);
    }

    private static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(action));
    }

    private static List<Object> resources(Map<String, Object> statement) {
        Object resource = statement.get("Resource");
        return resource instanceof List<?> l ? new ArrayList<>(l) : List.of(resource);
    }

    private static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    private static Map<String, Object> props(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertNotNull(o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertNotNull(o);
        return (List<Object>) o;
    }

    private static long number(Object o) {
        assertNotNull(o, "a number is set");
        return ((Number) o).longValue();
    }

    @Test
    @DisplayName("BILL-3 until a card/PayPal provider is integrated, the simulated one is named in every function and warned about at synth")
    void offlinePaymentsAreExplicit() {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Environment",
                Map.of("Variables", Match.objectLike(Map.of(GoStack.PAYMENTS_PROVIDER_ENV, "offline"))))));
        software.amazon.awscdk.assertions.Annotations.fromStack(stack)
                .hasWarning("*", Match.stringLikeRegexp(".*simulated.*Not for production.*"));
    }

    /** The queues the function consumes: it may send to their dead-letter queues. */
    private static List<app.go.wiring.topology.QueueSpec> consumedQueues(FunctionSpec spec) {
        return SystemTopology.EVENT_SOURCES.stream().filter(es -> es.function().equals(spec))
                .map(app.go.wiring.topology.EventSourceSpec::queue).toList();
    }
}
