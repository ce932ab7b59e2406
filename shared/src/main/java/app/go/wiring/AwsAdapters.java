package app.go.wiring;

import app.go.domain.port.LanguageModel;
import app.go.adapter.offline.OfflineLanguageModel;
import app.go.adapter.aws.bedrock.BedrockLanguageModel;
import app.go.adapter.aws.s3.S3BlobStore;
import app.go.domain.port.BlobStore;

/** The cloud implementations of the ports that have no SDK client of their own in {@link Adapters}. */
final class AwsAdapters {
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
}
