package app.go.domain.port;

import app.go.domain.assistant.HandoffReason;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.Message;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.ToneProfile;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * What the model is given to decide one turn (issue 7): the allowed sources only (PA-SRC-1) as
 * structured data, never prompt text. The knowledge is the entries retrieved for this message, the
 * history is bounded (oldest first, ending with the client's message), and the rules are the fixed
 * rules no entry can change (PA-FAQ-2).
 *
 * @param serviceId        the service the conversation is about; null for a general question (a try)
 * @param languageHint     BCP-47 tag the language detector read from the client's message
 * @param languageHintConfidence 0..1
 * @param handoffReasons   the reasons the seller's handoff settings act on (PA-BEH-3)
 */
public record ReplyContext(String assistantName, SellerProfile profile, String serviceId, List<SellerService> services,
                           List<KnowledgeEntry> knowledge, List<Message> history, String clientText,
                           String languageHint, double languageHintConfidence, ToneProfile tone, String rules,
                           Set<HandoffReason> handoffReasons) {

    public ReplyContext {
        Objects.requireNonNull(profile, "profile");
        services = List.copyOf(services);
        knowledge = List.copyOf(knowledge);
        history = List.copyOf(history);
        clientText = clientText == null ? "" : clientText;
        tone = tone == null ? ToneProfile.NONE : tone;
        Objects.requireNonNull(languageHint, "languageHint");
        Objects.requireNonNull(rules, "rules");
        handoffReasons = handoffReasons.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(handoffReasons));
    }

    /** The service the conversation is about, if it is one of the seller's. */
    public Optional<SellerService> service() {
        return services.stream().filter(s -> s.serviceId().equals(serviceId)).findFirst();
    }

    /** PA-13 item 5: the assistant greets in its first reply only. */
    public boolean firstReply() {
        return history.stream().noneMatch(m -> m.author() == Author.ASSISTANT);
    }

    /** The client's earlier messages in this conversation, oldest first (without the one being answered). */
    public List<String> earlierClientTexts() {
        List<String> texts = history.stream().filter(m -> m.author() == Author.CLIENT).map(Message::text).toList();
        return texts.isEmpty() ? texts : texts.subList(0, texts.size() - (texts.get(texts.size() - 1).equals(clientText) ? 1 : 0));
    }
}
