package app.go.wiring;

import app.go.domain.port.LanguageModel;
import app.go.adapter.offline.OfflineLanguageModel;
import app.go.adapter.aws.bedrock.BedrockLanguageModel;
import app.go.adapter.aws.s3.S3BlobStore;
import app.go.domain.port.BlobStore;
import app.go.domain.port.PaymentGateway;
import app.go.adapter.stripe.StripePaymentGateway;
import app.go.adapter.aws.bedrock.NovaCanvasImageGenerator;
import app.go.adapter.elevenlabs.ElevenLabsAudioProvider;
import app.go.adapter.offline.OfflineAssetGenerator;
import app.go.domain.creation.AudioAssetGenerator;
import app.go.domain.creation.GeneratorsByKind;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.StyledTextWriter;
import app.go.domain.creation.Subcategories;
import app.go.domain.port.AssetGenerator;
import app.go.domain.port.AudioProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The cloud implementations of the ports that have no SDK client of their own in {@link Adapters}. */
public final class AwsAdapters {
    static final String ASSET_PROVIDER = "ASSET_PROVIDER";

    private AwsAdapters() {}

    /** Bedrock unless {@code MODEL_PROVIDER=offline} (LocalStack's free edition has no Bedrock). */
    static LanguageModel languageModel(Adapters adapters) {
        if ("offline".equalsIgnoreCase(adapters.env().get("MODEL_PROVIDER", "bedrock"))) {
            return new OfflineLanguageModel();
        }
        String guardrailId = adapters.env().get("BEDROCK_GUARDRAIL_ID", "");
        String guardrailVersion = adapters.env().get("BEDROCK_GUARDRAIL_VERSION", "");
        java.util.Optional<BedrockLanguageModel.Guardrail> guardrail = guardrailId.isBlank() && guardrailVersion.isBlank()
                ? java.util.Optional.empty()
                : java.util.Optional.of(new BedrockLanguageModel.Guardrail(guardrailId, guardrailVersion));
        return new BedrockLanguageModel(adapters.bedrockRuntime(),
                adapters.env().get("BEDROCK_MODEL_ID", BedrockLanguageModel.DEFAULT_MODEL_ID), guardrail);
    }

    /**
     * Issue 7: the knowledge is embedded with Titan Text Embeddings V2 ({@code EMBEDDING_MODEL_ID})
     * wherever the language model is Bedrock; where the model is offline (the local runtime, tests)
     * nothing embeds and the lexical ranker retrieves. A deployment never gets the lexical one.
     */
    static Optional<app.go.domain.port.TextEmbedder> textEmbedder(Adapters adapters) {
        if ("offline".equalsIgnoreCase(adapters.env().get("MODEL_PROVIDER", "bedrock"))
                || adapters.languageModel() instanceof OfflineLanguageModel) {
            return Optional.empty();
        }
        return Optional.of(new app.go.adapter.aws.bedrock.TitanTextEmbedder(adapters.bedrockRuntime(),
                adapters.env().get(EMBEDDING_MODEL_ENV, app.go.adapter.aws.bedrock.TitanTextEmbedder.DEFAULT_MODEL_ID)));
    }

    static app.go.domain.port.KnowledgeRetriever knowledgeRetriever(Adapters adapters) {
        return adapters.textEmbedder()
                .<app.go.domain.port.KnowledgeRetriever>map(e -> new app.go.domain.knowledge.EmbeddingRetriever(e, adapters.knowledge()))
                .orElseGet(app.go.adapter.offline.LexicalKnowledgeRetriever::new);
    }

    public static final String EMBEDDING_MODEL_ENV = "EMBEDDING_MODEL_ID";

    /**
     * CM-GEN-8: real generators unless {@code ASSET_PROVIDER=offline} (the local runtime): images through
     * Nova Canvas ({@code IMAGE_MODEL_ID}), text through the language model, audio through the provider
     * {@code AUDIO_PROVIDER} names ({@code elevenlabs}); without one, audio is refused, never faked.
     */
    static AssetGenerator assetGenerator(Adapters adapters) {
        Subcategories table = Subcategories.standard();
        if ("offline".equalsIgnoreCase(adapters.env().get(ASSET_PROVIDER, "bedrock"))) {
            return new OfflineAssetGenerator(table);
        }
        Map<MediaKind, AssetGenerator> byKind = new EnumMap<>(MediaKind.class);
        byKind.put(MediaKind.IMAGE, new NovaCanvasImageGenerator(adapters.bedrockRuntime(), adapters.blobStore(),
                adapters.env().get("IMAGE_MODEL_ID", NovaCanvasImageGenerator.DEFAULT_MODEL_ID)));
        byKind.put(MediaKind.TEXT, new StyledTextWriter(adapters.languageModel()));
        audioProvider(adapters).ifPresent(provider -> byKind.put(MediaKind.AUDIO, new AudioAssetGenerator(provider, table)));
        return new GeneratorsByKind(byKind, table);
    }

    static Optional<AudioProvider> audioProvider(Adapters adapters) {
        String provider = adapters.env().get("AUDIO_PROVIDER", "none").toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "none" -> Optional.empty();
            case "elevenlabs" -> Optional.of(new ElevenLabsAudioProvider(
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                    URI.create(adapters.env().get("ELEVENLABS_BASE_URL", ElevenLabsAudioProvider.DEFAULT_BASE.toString())),
                    adapters.env().require("ELEVENLABS_API_KEY"),
                    adapters.env().get("ELEVENLABS_VOICE_ID", ElevenLabsAudioProvider.DEFAULT_VOICE)));
            default -> throw new IllegalStateException("AUDIO_PROVIDER must be none or elevenlabs, not " + provider);
        };
    }

    public static final String TEXT_DETECTOR_ENV = "TEXT_DETECTOR";

    /**
     * CM-AST-6: Rekognition DetectText unless {@code TEXT_DETECTOR=offline} (the local runtime; LocalStack's
     * free edition has no Rekognition), where the measured heuristic stands in.
     */
    static app.go.domain.port.TextInImageDetector textDetector(Adapters adapters) {
        String kind = adapters.env().get(TEXT_DETECTOR_ENV, "rekognition").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "rekognition" -> new app.go.adapter.aws.rekognition.RekognitionTextDetector(adapters.rekognition());
            case "offline" -> app.go.domain.port.TextInImageDetector.MEASURED;
            default -> throw new IllegalStateException(TEXT_DETECTOR_ENV + " must be rekognition or offline, not " + kind);
        };
    }

    static BlobStore blobStore(Adapters adapters) {
        return new S3BlobStore(adapters.s3(), adapters.env().require("ASSETS_BUCKET"));
    }

    /**
     * CM-GEN-1: S3 pre-signed GETs unless {@code FILE_LINKS=signed} (the local runtime, which serves
     * {@code /local/files} itself and puts a random {@code FILE_LINK_SECRET}, base64, in the environment).
     */
    static app.go.domain.port.FileLinks fileLinks(Adapters adapters) {
        String kind = adapters.env().get("FILE_LINKS", "s3").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "s3" -> new app.go.adapter.aws.s3.S3FileLinks(adapters.s3Presigner(), adapters.env().require("ASSETS_BUCKET"),
                    app.go.domain.port.FileLinks.TTL);
            case "signed" -> new app.go.adapter.file.SignedFileLinks(
                    java.util.Base64.getDecoder().decode(adapters.env().require("FILE_LINK_SECRET")), adapters.clock(),
                    app.go.domain.port.FileLinks.TTL);
            default -> throw new IllegalStateException("FILE_LINKS must be s3 or signed, not " + kind);
        };
    }

    /**
     * Stripe with the API key read once per container from the Secrets Manager secret whose ARN is in
     * {@value #STRIPE_SECRET_ARN_ENV} (the template carries the ARN, never the key);
     * {@value #STRIPE_API_BASE_ENV} points the SDK elsewhere (a stub in tests).
     */
    static PaymentGateway stripe(Adapters adapters) {
        String secretArn = adapters.env().require(STRIPE_SECRET_ARN_ENV);
        String apiKey = adapters.secretsManager().getSecretValue(b -> b.secretId(secretArn)).secretString();
        return new StripePaymentGateway(StripePaymentGateway.client(apiKey, adapters.env().optional(STRIPE_API_BASE_ENV).orElse(null)));
    }

    public static final String STRIPE_SECRET_ARN_ENV = "STRIPE_API_KEY_SECRET_ARN";
    public static final String STRIPE_API_BASE_ENV = "STRIPE_API_BASE";
}
