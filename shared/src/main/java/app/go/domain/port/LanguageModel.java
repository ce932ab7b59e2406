package app.go.domain.port;

/**
 * Port to a chat language model. The Bedrock adapter calls the Converse API; the offline adapter
 * answers deterministically without a network.
 */
public interface LanguageModel {

    /** @throws LanguageModelException when the model cannot answer (throttled past retries, rejected, unavailable) */
    Completion complete(Prompt prompt);
}
