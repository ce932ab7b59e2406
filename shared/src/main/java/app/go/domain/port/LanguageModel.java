package app.go.domain.port;

/**
 * Port to a chat language model. The Bedrock adapter calls the Converse API; the offline adapter
 * answers deterministically without a network.
 */
public interface LanguageModel {

    /**
     * Decides one assistant turn: the reply, its language, the intent and the requirements (issue 7).
     *
     * @throws LanguageModelException when the model cannot answer, or twice answered without a valid turn
     */
    AssistantTurn respond(ReplyContext context);

    /**
     * Free text for tasks that are not a client turn (the handoff summary).
     *
     * @throws LanguageModelException when the model cannot answer (throttled past retries, rejected, unavailable)
     */
    Completion complete(Prompt prompt);
}
