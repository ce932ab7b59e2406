package app.go.shared.aws.bedrock;

import app.go.shared.ai.Completion;
import app.go.shared.ai.LanguageModel;
import app.go.shared.ai.Prompt;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** Placeholder being replaced by the Converse implementation (work in progress in this session). */
public final class BedrockLanguageModel implements LanguageModel {
    public static final String DEFAULT_MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

    public BedrockLanguageModel(BedrockRuntimeClient client, String modelId) {
    }

    @Override
    public Completion complete(Prompt prompt) {
        throw new IllegalStateException("in progress");
    }
}
