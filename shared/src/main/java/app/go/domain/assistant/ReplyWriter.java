package app.go.domain.assistant;

import app.go.domain.conversation.Message;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.KnowledgeGenerator;
import app.go.domain.knowledge.KnowledgeService;
import app.go.domain.knowledge.ToneProfile;
import app.go.domain.port.AssistantTurn;
import app.go.domain.port.KnowledgeRetriever;
import app.go.domain.port.KnowledgeStore;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.ReplyContext;
import app.go.domain.port.SellerStore;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.HandoffSettings;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.domain.safety.ReplyPolicy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the assistant's turn the one way both real replies and tries (PA-LIM-1) use: the seller's
 * knowledge and tone (PA-KB-2: read at every reply, so saved changes apply at once), the fixed
 * rules, the model's one decision, then what code guarantees whatever the model said: an explicit
 * request for the seller hands over (the floor), the seller's handoff settings decide which reasons
 * act (PA-BEH-3), a handover tells the client in their language that the seller will join, and the
 * reply guard keeps the price and offer rules (PA-KB-5, PA-FAQ-3).
 */
final class ReplyWriter {
    /** How sure the model must be of the client's language for its word to win over the detector's. */
    static final double CONFIDENT = 0.7;
    /** How many earlier messages go into the context at most; older ones add cost, not quality. */
    static final int HISTORY_LIMIT = 20;
    /** Issue 7: the history in the prompt is bounded by estimated tokens too, so long messages do not grow it. */
    static final int HISTORY_TOKENS = 160;
    /** Issue 7: the knowledge entries retrieved for one message. */
    static final int KNOWLEDGE_LIMIT = 5;

    /** What a reply is written from, read once by the caller (issue 7 item 5). */
    record Sources(SellerProfile profile, List<SellerService> services, KnowledgeStore.Snapshot knowledge, ToneProfile tone) {}

    /** {@code declined}: reasons the model named that the seller's settings do not act on (the client was not forwarded). */
    record Written(String text, String language, AssistantTurn turn, Set<HandoffReason> declined) {
        Written(String text, String language, AssistantTurn turn) {
            this(text, language, turn, Set.of());
        }

        Set<HandoffReason> handoffReasons() {
            return turn.handoffReasons();
        }
    }

    private final SellerStore sellers;
    private final LanguageModel model;
    /** Null answers from the generated knowledge only. */
    private final KnowledgeService knowledge;
    private final HandoffCueClassifier cues = HandoffCueClassifier.standard();
    /** Null passes every entry (rule tests); handlers pass the configured one. */
    private final KnowledgeRetriever retriever;

    ReplyWriter(SellerStore sellers, LanguageModel model, KnowledgeService knowledge) {
        this(sellers, model, knowledge, null);
    }

    ReplyWriter(SellerStore sellers, LanguageModel model, KnowledgeService knowledge, KnowledgeRetriever retriever) {
        this.sellers = sellers;
        this.model = model;
        this.knowledge = knowledge;
        this.retriever = retriever;
    }

    /** Reads the sources itself (a try, PA-LIM-1). */
    Written write(String sellerId, AssistantSettings settings, String serviceId, List<Message> history, String clientText) {
        SellerProfile profile = sellers.profile(sellerId).orElse(null);
        List<SellerService> services = sellers.services(sellerId);
        KnowledgeStore.Snapshot snapshot = knowledge == null ? new KnowledgeStore.Snapshot(Optional.empty(), Map.of())
                : knowledge.snapshot(sellerId);
        ToneProfile tone = knowledge == null ? ToneProfile.NONE : knowledge.tone(sellerId);
        return write(sellerId, new Sources(profile, services, snapshot, tone), settings, serviceId, history, clientText);
    }

    Written write(String sellerId, Sources sources, AssistantSettings settings, String serviceId, List<Message> history,
                  String clientText) {
        SellerProfile profile = sources.profile() != null ? sources.profile()
                : new SellerProfile("the seller", null, List.of(), List.of());
        List<SellerService> services = sources.services();
        List<KnowledgeEntry> all = knowledge == null ? KnowledgeGenerator.generate(profile, services)
                : KnowledgeService.merge(KnowledgeGenerator.generate(profile, services), sources.knowledge().saved());
        List<KnowledgeEntry> entries = retriever == null ? all
                : retriever.retrieve(sellerId, clientText, serviceId, all, sources.knowledge().vectors(), KNOWLEDGE_LIMIT);
        ToneProfile tone = sources.tone() == null ? ToneProfile.NONE : sources.tone();
        LanguageDetector.Guess guess = LanguageDetector.guess(clientText);
        List<Message> recent = PromptTokens.newestWithin(history, HISTORY_TOKENS, HISTORY_LIMIT);
        ReplyContext context = new ReplyContext(settings.name(), profile, serviceId, services, entries, recent, clientText,
                guess.language(), guess.confidence(), tone, PromptBuilder.FIXED_RULES, acting(settings.handoff()));
        AssistantTurn turn = model.respond(context);
        String language = turn.languageConfidence() >= CONFIDENT ? AssistantPhrases.primary(turn.language()) : guess.language();
        Set<HandoffReason> named = turn.handoffReasons();
        turn = decide(turn.withLanguage(language, Math.max(turn.languageConfidence(), guess.confidence())), clientText, profile, settings);
        AssistantTurn sent = guarded(turn, services, profile);
        return new Written(sent.reply(), language, sent, sent.handsOver() ? Set.of() : named);
    }

    /** The reasons that call the seller in under these settings (PA-BEH-3); asking for the seller always does. */
    static Set<HandoffReason> acting(HandoffSettings settings) {
        return Arrays.stream(HandoffReason.values()).filter(r -> SellerHandoff.handsOver(r, settings))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(HandoffReason.class)));
    }

    /**
     * The reply as it may go out: a blocked reply becomes the blocked phrase, and the guard's rules
     * hold on every reply (PA-SAFE-1, PA-KB-5, PA-FAQ-3): a failing sentence is replaced, the rest stays.
     */
    private static AssistantTurn guarded(AssistantTurn turn, List<SellerService> services, SellerProfile profile) {
        if (turn.blocked() && !turn.handsOver()) {
            return turn.withReply(AssistantPhrases.text(turn.language(), "blocked"));
        }
        String cleaned = ReplyPolicy.apply(turn.reply(), turn.language(), packagePrices(services));
        return turn.withReply(cleaned);
    }

    /** The floor and the seller's settings over the model's decision. */
    private AssistantTurn decide(AssistantTurn turn, String clientText, SellerProfile profile, AssistantSettings settings) {
        String seller = profile.displayName();
        Map<String, String> names = Map.of("seller", seller);
        if (cues.asksForSeller(clientText, seller) && !turn.handoffReasons().contains(HandoffReason.ASKED_FOR_SELLER)) {
            return turn.handingOver(Set.of(HandoffReason.ASKED_FOR_SELLER), AssistantPhrases.text(turn.language(), "handover", names));
        }
        if (!turn.handsOver()) {
            return turn;
        }
        Set<HandoffReason> acting = EnumSet.noneOf(HandoffReason.class);
        acting.addAll(turn.handoffReasons());
        acting.retainAll(acting(settings.handoff()));
        if (acting.isEmpty()) {
            return turn.notHandingOver(AssistantPhrases.text(turn.language(), "notForwarded", names));
        }
        String reply = turn.reply().isBlank() ? AssistantPhrases.text(turn.language(), "handover", names) : turn.reply();
        return new AssistantTurn(reply, turn.language(), turn.languageConfidence(), AssistantTurn.Intent.HAND_OVER, acting,
                turn.requirements(), turn.blocked(), turn.usage());
    }

    private static Set<Long> packagePrices(List<SellerService> services) {
        return services.stream().flatMap(s -> s.packages().stream()).map(SellerService.ServicePackage::priceCents)
                .collect(Collectors.toSet());
    }
}
