package app.go.domain.assistant;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.port.ConversationStore;
import app.go.domain.conversation.InboundMessage;
import app.go.domain.conversation.Message;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.FollowUpCase;
import app.go.domain.knowledge.UnansweredQuestion;
import app.go.domain.knowledge.UnansweredQuestions;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.Notification;
import app.go.domain.port.Completion;
import app.go.domain.safety.OffPlatformDetector;
import app.go.domain.seller.Presence;
import app.go.domain.seller.SellerAccount;
import app.go.domain.knowledge.KnowledgeService;
import app.go.domain.port.KnowledgeStore;
import app.go.domain.port.KnowledgeRetriever;
import app.go.domain.port.SellerStore;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.IdempotencyStore;
import app.go.support.log.BusinessMetric;
import app.go.support.log.Log;
import app.go.domain.port.WorkflowStarter;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Answers a client's message on the seller's behalf, when the rules allow it, exactly once per
 * message however often the message is delivered.
 */
public final class AssistantResponder {
    /** PA-LIM-2: at most 50 assistant messages per seller per day (in the seller's time zone). */
    public static final int DAILY_MESSAGE_LIMIT = 50;
    private static final Duration IN_PROGRESS_FOR = Duration.ofMinutes(2);
    private static final Duration REMEMBER_FOR = Duration.ofDays(7);
    private static final Log LOG = Log.get(AssistantResponder.class);

    /** What happened to a message; logged and returned so tests and the bench can see it. */
    public enum Outcome {
        REPLIED, DUPLICATE, NOT_ELIGIBLE, NOT_ACTIVE, PAUSED_NEW_CONVERSATION, RETURNING_CLIENT, SELLER_HANDLES,
        DAILY_LIMIT_REACHED, CONVERSATION_CAP_REACHED, UNKNOWN_CONVERSATION, OUT_OF_OFFICE, EXCLUDED_CLIENT_TYPE, OUTSIDE_AVAILABILITY
    }

    private final ConversationStore conversations;
    private final SellerStore sellers;
    private final LanguageModel model;
    private final IdempotencyStore idempotency;
    private final WorkflowStarter handoff;
    private final Clock clock;
    private final ReplyWriter writer;
    private final DailyLimitReached dailyLimit;
    private final WorkflowStarter followUps;
    private final KnowledgeStore knowledgeStore;
    /** Null answers from the generated knowledge only. */
    private final KnowledgeService knowledge;

    public AssistantResponder(ConversationStore conversations, SellerStore sellers, LanguageModel model,
                              IdempotencyStore idempotency, WorkflowStarter handoff, Clock clock) {
        this(conversations, sellers, model, idempotency, handoff, clock, null);
    }

    public AssistantResponder(ConversationStore conversations, SellerStore sellers, LanguageModel model,
                              IdempotencyStore idempotency, WorkflowStarter handoff, Clock clock, KnowledgeStore knowledge) {
        this(conversations, sellers, model, idempotency, handoff, clock, knowledge, null, null);
    }

    public AssistantResponder(ConversationStore conversations, SellerStore sellers, LanguageModel model,
                              IdempotencyStore idempotency, WorkflowStarter handoff, Clock clock, KnowledgeStore knowledge,
                              KnowledgeRetriever retriever) {
        this(conversations, sellers, model, idempotency, handoff, clock, knowledge, retriever, null);
    }

    /**
     * @param retriever the top-k knowledge for a message (issue 7); null passes every entry (rule tests)
     * @param followUps the follow-up state machine (PA-BEH-6 cases UNANSWERED and NOT_FORWARDED); null: none
     */
    public AssistantResponder(ConversationStore conversations, SellerStore sellers, LanguageModel model,
                              IdempotencyStore idempotency, WorkflowStarter handoff, Clock clock, KnowledgeStore knowledge,
                              KnowledgeRetriever retriever, WorkflowStarter followUps) {
        this.followUps = followUps;
        this.knowledgeStore = knowledge;
        this.conversations = conversations;
        this.sellers = sellers;
        this.model = model;
        this.idempotency = idempotency;
        this.handoff = handoff;
        this.clock = clock;
        this.dailyLimit = new DailyLimitReached(conversations, sellers, clock);
        this.knowledge = knowledge == null ? null : new KnowledgeService(sellers, knowledge, clock);
        this.writer = new ReplyWriter(sellers, model, this.knowledge, retriever);
    }

    /**
     * Issue 7 item 5: the conversation with its messages is one read, the seller's items one batch,
     * services and knowledge one query each, and the reply with its count one transaction.
     */
    public Outcome respond(InboundMessage inbound) {
        Log.put("conversationId", inbound.conversationId());
        Log.put("messageId", inbound.messageId());
        Optional<ConversationStore.Snapshot> snapshot = conversations.snapshot(inbound.sellerId(), inbound.conversationId());
        Optional<Message> message = snapshot.flatMap(s -> s.messages().stream()
                .filter(m -> m.messageId().equals(inbound.messageId())).findFirst());
        if (snapshot.isEmpty() || message.isEmpty()) {
            return logged(Outcome.UNKNOWN_CONVERSATION);
        }
        Conversation conversation = snapshot.get().conversation();
        SellerStore.ReplyView seller = sellers.replyView(conversation.sellerId(), conversation.clientId(),
                LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        Optional<SellerAccount> account = seller.account();
        AssistantSettings settings = seller.settings();
        Optional<Outcome> refusal = refusal(conversation, message.get(), snapshot.get().messages(), seller);
        if (refusal.isPresent()) {
            if (refusal.get() == Outcome.OUTSIDE_AVAILABILITY) {
                startFollowUp(conversation, message.get(), FollowUpCase.UNANSWERED, settings);
            }
            return logged(refusal.get());
        }
        Decided decided = replyOnce(inbound, () -> reply(conversation, message.get(), snapshot.get().messages(), account.get(),
                settings, seller));
        if (decided.outcome() == Outcome.DAILY_LIMIT_REACHED) {
            dailyLimit.handOver(conversation, account.get().zone()); // PA-LIM-2: to the seller's inbox, seller told
        }
        // outside the once-block: a retry after a failed start starts it (execution names make that idempotent)
        Set<HandoffReason> handoffReasons = decided.outcome() == Outcome.DAILY_LIMIT_REACHED
                ? floor(conversation, message.get()) : decided.handoffReasons();
        startHandoff(conversation, message.get(), handoffReasons);
        if (decided.outcome() == Outcome.DAILY_LIMIT_REACHED && handoffReasons.isEmpty()) {
            startFollowUp(conversation, message.get(), FollowUpCase.UNANSWERED, settings);
        }
        // REPLIED means this attempt stored the reply and its turn, so the turn is at hand: no read back
        if (decided.outcome() == Outcome.REPLIED && handoffReasons.isEmpty() && decided.notForwarded()) {
            startFollowUp(conversation, message.get(), FollowUpCase.NOT_FORWARDED, settings);
        }
        return decided.outcome();
    }

    /** What a message led to: the outcome and the reasons the seller is called in (empty for none). */
    record Decided(Outcome outcome, Set<HandoffReason> handoffReasons, boolean notForwarded) {
        Decided(Outcome outcome, Set<HandoffReason> handoffReasons) {
            this(outcome, handoffReasons, false);
        }

        static Decided of(Outcome outcome) {
            return new Decided(outcome, Set.of());
        }

        /** As remembered by the idempotency store: {@code REPLIED} or {@code REPLIED:ASKED_FOR_SELLER,CUSTOM_OFFER}. */
        String encoded() {
            return handoffReasons.isEmpty() ? outcome.name()
                    : outcome.name() + ":" + handoffReasons.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        }

        static Set<HandoffReason> reasons(String encoded) {
            int colon = encoded == null ? -1 : encoded.indexOf(':');
            if (colon < 0) {
                return Set.of();
            }
            Set<HandoffReason> reasons = EnumSet.noneOf(HandoffReason.class);
            for (String name : encoded.substring(colon + 1).split(",")) {
                reasons.add(HandoffReason.valueOf(name));
            }
            return reasons;
        }
    }

    private Decided replyOnce(InboundMessage inbound, Supplier<Decided> work) {
        IdempotencyStore.Claim claim = idempotency.claim(inbound.replyKey(), IN_PROGRESS_FOR);
        if (claim instanceof IdempotencyStore.Claim.AlreadyDone done) {
            return new Decided(logged(Outcome.DUPLICATE), Decided.reasons(done.result()));
        }
        if (claim instanceof IdempotencyStore.Claim.InProgress) {
            throw new IdempotencyStore.ConcurrentAttemptException(inbound.replyKey());
        }
        try {
            Decided decided = work.get();
            idempotency.complete(inbound.replyKey(), decided.encoded(), REMEMBER_FOR);
            if (decided.outcome() != Outcome.REPLIED) {
                logged(decided.outcome());
            }
            return decided;
        } catch (RuntimeException e) {
            idempotency.release(inbound.replyKey());
            throw e;
        }
    }

    /**
     * The rule that keeps the assistant quiet, if any, in this order: eligibility (ELIG-1), out of
     * office (PA-ACT-4), the seller took over (PA-ACT-8), returning client (PA-ACT-1), excluded
     * client type (PA-AV-4), availability at the time the client wrote (PA-AV-1..3), then the
     * assistant's state (PA-ACT-5 pause). The caller logs the outcome.
     */
    private Optional<Outcome> refusal(Conversation conversation, Message inbound, List<Message> messages, SellerStore.ReplyView seller) {
        Optional<SellerAccount> account = seller.account();
        AssistantSettings settings = seller.settings();
        if (account.isEmpty() || !account.get().eligibleForAssistant()) {
            return Optional.of(Outcome.NOT_ELIGIBLE);
        }
        Presence presence = seller.presence();
        if (presence.outOfOffice()) {
            return Optional.of(Outcome.OUT_OF_OFFICE);
        }
        if (conversation.takenOverBySeller()) {
            return Optional.of(Outcome.SELLER_HANDLES);
        }
        if (!conversation.newClient()) {
            return Optional.of(Outcome.RETURNING_CLIENT);
        }
        if (!settings.excludedClientTypes().isEmpty()
                && settings.excludes(seller.client().orElse(ClientRecord.unknown(conversation.clientId())).clientType())) {
            return Optional.of(Outcome.EXCLUDED_CLIENT_TYPE);
        }
        if (!settings.availability().answersAt(inbound.createdAt(), account.get().zone(), presence.online())) {
            return Optional.of(Outcome.OUTSIDE_AVAILABILITY);
        }
        if (settings.state() == AssistantState.PAUSED) {
            boolean alreadyAnswering = messages.stream().anyMatch(m -> m.author() == Author.ASSISTANT);
            return alreadyAnswering ? Optional.empty() : Optional.of(Outcome.PAUSED_NEW_CONVERSATION);
        }
        if (settings.state() != AssistantState.ACTIVE) {
            return Optional.of(Outcome.NOT_ACTIVE);
        }
        return Optional.empty();
    }

    private Decided reply(Conversation conversation, Message inbound, List<Message> messages, SellerAccount account,
                          AssistantSettings settings, SellerStore.ReplyView seller) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), account.zone());
        int sentToday = seller.counts().containsKey(today) ? seller.countOn(today)
                : sellers.assistantMessagesOn(conversation.sellerId(), today);
        if (sentToday >= DAILY_MESSAGE_LIMIT) {
            return Decided.of(Outcome.DAILY_LIMIT_REACHED);
        }
        List<Message> history = messages.stream().filter(m -> !m.createdAt().isAfter(inbound.createdAt())).toList();
        if (ConversationReplyCap.reached(history, today, account.zone())) {
            return new Decided(Outcome.CONVERSATION_CAP_REACHED, Set.of(HandoffReason.CONVERSATION_CAP));
        }
        ReplyWriter.Written written = offPlatformRefusal(conversation, inbound)
                .orElseGet(() -> writer.write(conversation.sellerId(), sources(conversation.sellerId(), seller), settings,
                        conversation.serviceId(), history, inbound.text()));
        Set<HandoffReason> reasons = written.handoffReasons();
        Message reply = new Message("m-" + inbound.messageId().substring(2) + "-r", conversation.conversationId(),
                Author.ASSISTANT, written.text(), written.language(), clock.instant());
        TurnRecord turn = TurnRecord.of(inbound.messageId(), inbound.createdAt(), inbound.text(), written.turn(), written.declined());
        // PA-ACT-8 (the seller may have stepped in while the model was writing) and PA-LIM-2 (the conditional
        // count is the limit; the read above may be stale or raced by another conversation) hold in the write
        switch (conversations.appendCountedReply(conversation, inbound, reply, turn, sellers, today, DAILY_MESSAGE_LIMIT)) {
            case SELLER_HANDLES:
                return Decided.of(Outcome.SELLER_HANDLES);
            case DUPLICATE:
                return new Decided(Outcome.DUPLICATE, reasons); // an earlier attempt stored (and counted) it
            case DAILY_LIMIT_REACHED:
                return new Decided(Outcome.DAILY_LIMIT_REACHED, Set.of());
            default:
                break;
        }
        listUnanswered(conversation, inbound, turn);
        Log.count(BusinessMetric.REPLIES);
        LOG.info("assistant replied", "language", written.language(), "intent", written.turn().intent().name(),
                "inputTokens", written.turn().usage().inputTokens(), "outputTokens", written.turn().usage().outputTokens());
        return new Decided(Outcome.REPLIED, reasons, turn.notForwarded());
    }

    private ReplyWriter.Sources sources(String sellerId, SellerStore.ReplyView seller) {
        List<app.go.domain.seller.SellerService> services = sellers.services(sellerId);
        if (knowledge == null) {
            return new ReplyWriter.Sources(seller.profile().orElse(null), services,
                    new KnowledgeStore.Snapshot(Optional.empty(), Map.of()), app.go.domain.knowledge.ToneProfile.NONE);
        }
        app.go.domain.knowledge.ToneProfile tone = seller.tone() != null
                ? seller.tone().orElse(app.go.domain.knowledge.ToneProfile.NONE) : knowledge.tone(sellerId);
        return new ReplyWriter.Sources(seller.profile().orElse(null), services, knowledge.snapshot(sellerId), tone);
    }

    /**
     * PA-SAFE-1: a client who tries to move contact or payment off the marketplace is refused
     * politely in their language, before any model sees the message, and the seller is told once.
     */
    private Optional<ReplyWriter.Written> offPlatformRefusal(Conversation conversation, Message inbound) {
        Optional<OffPlatformDetector.Attempt> attempt = OffPlatformDetector.detect(inbound.text());
        if (attempt.isEmpty()) {
            return Optional.empty();
        }
        sellers.addNotificationIfAbsent(conversation.sellerId(), new Notification("off-platform-" + inbound.messageId(),
                OffPlatformDetector.NOTIFICATION, conversation.conversationId(), clock.instant()));
        LOG.info("off-platform attempt refused", "kind", attempt.get().kind().name());
        LanguageDetector.Guess guess = LanguageDetector.guess(inbound.text());
        String language = AssistantPhrases.primary(guess.language());
        String refusal = OffPlatformDetector.refusal(language);
        return Optional.of(new ReplyWriter.Written(refusal, language, new app.go.domain.port.AssistantTurn(refusal, language,
                guess.confidence(), app.go.domain.port.AssistantTurn.Intent.ANSWER, Set.of(), Requirements.NONE, false,
                new Completion.TokenUsage(0, 0))));
    }

    /** Without a model turn (the daily limit), only the floor calls the seller in: the client asked for them. */
    private Set<HandoffReason> floor(Conversation conversation, Message inbound) {
        String seller = sellers.profile(conversation.sellerId()).map(p -> p.displayName()).orElse("");
        return HandoffCueClassifier.standard().asksForSeller(inbound.text(), seller) ? Set.of(HandoffReason.ASKED_FOR_SELLER) : Set.of();
    }

    private void startHandoff(Conversation conversation, Message inbound, Set<HandoffReason> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        handoff.start("handoff-" + conversation.conversationId() + "-" + inbound.messageId(), Map.of(
                "sellerId", conversation.sellerId(),
                "conversationId", conversation.conversationId(),
                "messageId", inbound.messageId(),
                "reasons", reasons.stream().map(Enum::name).sorted().toList()));
        Log.count(BusinessMetric.HANDOFFS);
        LOG.info("handoff workflow started", "reasons", reasons);
    }

    /**
     * PA-KB-3: a question the assistant could not answer is listed for the seller. (PA-BEH-5: the
     * structured turn itself is stored with the reply, for briefs and follow-ups.)
     */
    private void listUnanswered(Conversation conversation, Message inbound, TurnRecord turn) {
        if (knowledgeStore != null && turn.couldNotAnswer() && UnansweredQuestions.worthListing(inbound.text())) {
            knowledgeStore.recordUnanswered(conversation.sellerId(), new UnansweredQuestion(conversation.conversationId(),
                    inbound.messageId(), inbound.text(), turn.language(), inbound.createdAt()));
        }
    }

    /** PA-BEH-6: one timer per message and case, named by both; the follow-up step sends at most one per case and conversation. */
    private void startFollowUp(Conversation conversation, Message inbound, FollowUpCase followUpCase, AssistantSettings settings) {
        if (followUps == null) {
            return;
        }
        followUps.start("followup-" + followUpCase.name() + "-" + inbound.messageId(), Map.of(
                "sellerId", conversation.sellerId(),
                "conversationId", conversation.conversationId(),
                "messageId", inbound.messageId(),
                "followUpCase", followUpCase.name(),
                "followUpAfterSeconds", settings.handoff().followUpAfterSeconds(followUpCase)));
        LOG.info("follow-up timer started", "case", followUpCase.name());
    }

    private Outcome logged(Outcome outcome) {
        if (outcome == Outcome.DAILY_LIMIT_REACHED) Log.count(BusinessMetric.DAILY_LIMIT_HITS);
        LOG.info("assistant stays quiet", "outcome", outcome.name());
        return outcome;
    }
}
