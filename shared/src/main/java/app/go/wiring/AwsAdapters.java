package app.go.wiring;

import app.go.domain.port.LanguageModel;
import app.go.adapter.offline.OfflineLanguageModel;
import app.go.adapter.aws.bedrock.BedrockLanguageModel;
import app.go.adapter.aws.s3.S3BlobStore;
import app.go.domain.port.BlobStore;
import app.go.domain.port.PaymentGateway;
import app.go.adapter.stripe.StripePaymentGateway;

/** The cloud implementations of the ports that have no SDK client of their own in {@link Adapters}. */
public final class AwsAdapters {
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

    static BlobStore blobStore(Adapters adapters) {
        return new S3BlobStore(adapters.s3(), adapters.env().require("ASSETS_BUCKET"));
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
