package app.go.wiring;

import app.go.domain.port.LanguageModel;
import app.go.adapter.aws.dynamodb.DynamoSellerStore;
import app.go.domain.port.SellerStore;
import app.go.adapter.aws.dynamodb.DynamoConversationStore;
import app.go.domain.port.ConversationStore;
import app.go.adapter.aws.dynamodb.DynamoKnowledgeStore;
import app.go.domain.port.KnowledgeStore;
import app.go.adapter.aws.dynamodb.DynamoIdempotencyStore;
import app.go.domain.port.IdempotencyStore;
import app.go.adapter.aws.dynamodb.DynamoBillingStore;
import app.go.domain.port.BillingStore;
import app.go.adapter.aws.dynamodb.DynamoCreationStore;
import app.go.domain.port.CreationStore;
import app.go.adapter.aws.dynamodb.DynamoGenerationStore;
import app.go.domain.port.GenerationStore;
import app.go.adapter.aws.dynamodb.DynamoReportStore;
import app.go.domain.port.ReportStore;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.topology.TableSpec;
import app.go.domain.port.BlobStore;
import app.go.support.config.Env;

import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Everything a handler needs from outside, built once per container (or once per local runtime)
 * and lazily, so a function pays only for the clients it uses. Handlers take an {@code Adapters}
 * in their second constructor; their no-arg constructor uses {@link #fromEnvironment()}.
 *
 * <p>SDK clients use one HTTP client (URL connection), an explicit region from {@code AWS_REGION},
 * and optional endpoint overrides {@code AWS_ENDPOINT_URL} or {@code AWS_ENDPOINT_URL_<SERVICE>}
 * (DYNAMODB, SQS, SFN, BEDROCK_RUNTIME, S3, REKOGNITION): that is all it takes to point at LocalStack.
 */
public final class Adapters {
    private static volatile Adapters environment;

    private final Env env;
    private final Clock clock;
    private final Function<Adapters, LanguageModel> languageModelFactory;
    private final Function<Adapters, BlobStore> blobStoreFactory;
    private final Map<String, Object> singletons = new ConcurrentHashMap<>();
    private final java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> dynamoDbInterceptors =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public Adapters(Env env, Clock clock, Function<Adapters, LanguageModel> languageModelFactory,
                    Function<Adapters, BlobStore> blobStoreFactory) {
        this.env = env;
        this.clock = clock;
        this.languageModelFactory = languageModelFactory;
        this.blobStoreFactory = blobStoreFactory;
    }

    /** The container's adapters, from its environment variables (AWS Lambda). */
    public static Adapters fromEnvironment() {
        Adapters result = environment;
        if (result == null) {
            synchronized (Adapters.class) {
                if (environment == null) {
                    environment = new Adapters(Env.system(), Clock.systemUTC(),
                            AwsAdapters::languageModel, AwsAdapters::blobStore);
                }
                result = environment;
            }
        }
        return result;
    }

    public Env env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    public LanguageModel languageModel() {
        return singleton("languageModel", () -> languageModelFactory.apply(this));
    }

    /** Issue 7: what embeds the seller's knowledge; empty where the model is offline ({@link AwsAdapters#textEmbedder}). */
    public java.util.Optional<app.go.domain.port.TextEmbedder> textEmbedder() {
        return singleton("textEmbedder", () -> AwsAdapters.textEmbedder(this));
    }

    /** Issue 7: the top-k knowledge for a message, chosen with the model (embeddings deployed, lexical offline). */
    public app.go.domain.port.KnowledgeRetriever knowledgeRetriever() {
        return singleton("knowledgeRetriever", () -> AwsAdapters.knowledgeRetriever(this));
    }

    /** The knowledge base as the API changes it: the vectors kept up to date where an embedder is configured. */
    public app.go.domain.knowledge.KnowledgeService knowledgeService() {
        return singleton("knowledgeService", () -> new app.go.domain.knowledge.KnowledgeService(sellers(), knowledge(), clock,
                textEmbedder().map(e -> new app.go.domain.knowledge.KnowledgeIndex(e, knowledge())).orElse(null)));
    }

    /** The payment provider of this container ({@link PaymentGateways}): one, so the offline one keeps one log. */
    public app.go.domain.port.PaymentGateway paymentGateway() {
        return singleton("paymentGateway", () -> PaymentGateways.fromEnv(this));
    }

    /** CM-GEN-8: the generators this container's configuration names ({@code ASSET_PROVIDER}, {@code AUDIO_PROVIDER}). */
    public app.go.domain.port.AssetGenerator assetGenerator() {
        return singleton("assetGenerator", () -> AwsAdapters.assetGenerator(this));
    }

    /** CM-AST-6: what reads text and watermarks on training images ({@code TEXT_DETECTOR}: {@code rekognition} or {@code offline}). */
    public app.go.domain.port.TextInImageDetector textDetector() {
        return singleton("textDetector", () -> AwsAdapters.textDetector(this));
    }

    public BlobStore blobStore() {
        return singleton("blobStore", () -> blobStoreFactory.apply(this));
    }

    public software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb() {
        return singleton("dynamodb", () -> configure(software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), "DYNAMODB")
                .overrideConfiguration(o -> dynamoDbInterceptors.forEach(o::addExecutionInterceptor)).build());
    }

    /**
     * Adds an SDK interceptor to the DynamoDB client, which must not be built yet: the bench and the
     * call-budget test count a handler's DynamoDB calls on its own wiring this way.
     */
    public Adapters interceptDynamoDb(software.amazon.awssdk.core.interceptor.ExecutionInterceptor interceptor) {
        if (singletons.containsKey("dynamodb")) {
            throw new IllegalStateException("the DynamoDB client is already built");
        }
        dynamoDbInterceptors.add(interceptor);
        return this;
    }

    public software.amazon.awssdk.services.sqs.SqsClient sqs() {
        return singleton("sqs", () -> configure(
                software.amazon.awssdk.services.sqs.SqsClient.builder(), "SQS").build());
    }

    public software.amazon.awssdk.services.sfn.SfnClient sfn() {
        return singleton("sfn", () -> configure(
                software.amazon.awssdk.services.sfn.SfnClient.builder(), "SFN").build());
    }

    public software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient bedrockRuntime() {
        return singleton("bedrockruntime", () -> configure(
                software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient.builder(), "BEDROCK_RUNTIME")
                .build());
    }

    public software.amazon.awssdk.services.rekognition.RekognitionClient rekognition() {
        return singleton("rekognition", () -> configure(
                software.amazon.awssdk.services.rekognition.RekognitionClient.builder(), "REKOGNITION").build());
    }

    public software.amazon.awssdk.services.s3.S3Client s3() {
        return singleton("s3", () -> configure(
                software.amazon.awssdk.services.s3.S3Client.builder()
                        .forcePathStyle(env.optional("AWS_ENDPOINT_URL_S3").or(() -> env.optional("AWS_ENDPOINT_URL")).isPresent()),
                "S3").build());
    }

    /** CM-GEN-1: signs download links for the assets bucket (no network call; one per container). */
    public software.amazon.awssdk.services.s3.presigner.S3Presigner s3Presigner() {
        return singleton("s3Presigner", () -> {
            var endpoint = env.optional("AWS_ENDPOINT_URL_S3").or(() -> env.optional("AWS_ENDPOINT_URL"));
            var builder = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
                    .region(Region.of(env.get("AWS_REGION", "us-east-1")))
                    .credentialsProvider(credentials())
                    .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                            .pathStyleAccessEnabled(endpoint.isPresent()).build());
            endpoint.ifPresent(url -> builder.endpointOverride(URI.create(url)));
            return builder.build();
        });
    }

    /** CM-GEN-1: the short-lived links finals are downloaded by ({@code FILE_LINKS}: {@code s3} or, locally, {@code signed}). */
    public app.go.domain.port.FileLinks fileLinks() {
        return singleton("fileLinks", () -> AwsAdapters.fileLinks(this));
    }

    // The stores, one per container, each on the table the topology gives its function.

    /** The dead-letter queue of {@code queue}, where its consumer parks poison records. */
    public app.go.support.queue.DeadLetters deadLetters(app.go.wiring.topology.QueueSpec queue) {
        return new app.go.adapter.aws.sqs.SqsDeadLetters(sqs(), env.require(queue.deadLetterEnvVar()));
    }

    public SellerStore sellers() {
        return singleton("sellers", () -> new DynamoSellerStore(dynamoDb(), table(SystemTopology.SELLERS)));
    }

    public ConversationStore conversations() {
        return singleton("conversations", () -> new DynamoConversationStore(dynamoDb(), table(SystemTopology.CONVERSATIONS),
                env.optional(SystemTopology.SELLERS.envVar()).orElse(null)));
    }

    public KnowledgeStore knowledge() {
        return singleton("knowledge", () -> new DynamoKnowledgeStore(dynamoDb(), table(SystemTopology.SELLERS)));
    }

    public IdempotencyStore idempotency() {
        return singleton("idempotency", () -> new DynamoIdempotencyStore(dynamoDb(), table(SystemTopology.IDEMPOTENCY), clock));
    }

    public BillingStore billing() {
        return singleton("billing", () -> new DynamoBillingStore(dynamoDb(), table(SystemTopology.BILLING)));
    }

    public CreationStore creations() {
        return singleton("creations", () -> new DynamoCreationStore(dynamoDb(), table(SystemTopology.CREATIONS)));
    }

    public GenerationStore generations() {
        return singleton("generations", () -> new DynamoGenerationStore(dynamoDb(), table(SystemTopology.CREATIONS)));
    }

    public ReportStore reports() {
        return singleton("reports", () -> new DynamoReportStore(dynamoDb(), table(SystemTopology.CREATIONS)));
    }

    private String table(TableSpec table) {
        return env.require(table.envVar());
    }

    public software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsManager() {
        return singleton("secretsmanager", () -> configure(
                software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder(), "SECRETS_MANAGER").build());
    }

    /** One HTTP client for every SDK client of this container. */
    public SdkHttpClient httpClient() {
        return singleton("httpClient", () -> UrlConnectionHttpClient.builder().build());
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
        builder.region(Region.of(env.get("AWS_REGION", "us-east-1")))
                .credentialsProvider(credentials());
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient());
        }
        env.optional("AWS_ENDPOINT_URL_" + service).or(() -> env.optional("AWS_ENDPOINT_URL"))
                .ifPresent(url -> builder.endpointOverride(URI.create(url)));
        return builder;
    }

    private AwsCredentialsProvider credentials() {
        return singleton("credentials", () -> {
            var key = env.optional("AWS_ACCESS_KEY_ID");
            var secret = env.optional("AWS_SECRET_ACCESS_KEY");
            if (key.isPresent() && secret.isPresent() && env.optional("AWS_SESSION_TOKEN").isEmpty()) {
                return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.get(), secret.get()));
            }
            return DefaultCredentialsProvider.builder().build();
        });
    }

    /** Not computeIfAbsent: a factory builds on other singletons (a store on the DynamoDB client), which would recurse into the map. */
    @SuppressWarnings("unchecked")
    private <T> T singleton(String name, Supplier<T> factory) {
        Object existing = singletons.get(name);
        if (existing != null) {
            return (T) existing;
        }
        synchronized (singletons) {
            existing = singletons.get(name);
            if (existing == null) {
                existing = factory.get();
                singletons.put(name, existing);
            }
            return (T) existing;
        }
    }
}
