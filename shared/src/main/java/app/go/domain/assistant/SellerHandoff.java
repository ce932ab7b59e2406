package app.go.domain.assistant;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.port.ConversationStore;
import app.go.domain.conversation.Message;
import app.go.domain.seller.HandoffSettings;
import app.go.domain.seller.Notification;
import app.go.domain.port.SellerStore;
import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.Prompt;
import app.go.support.errors.DomainException;
import app.go.domain.port.IdempotencyStore;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of the handoff workflow (PA-BEH-3..6): decide whether the seller is needed, write the
 * summary and call the seller in, then follow up with the client if the seller has not joined.
 * Every step may be retried by Step Functions, so each is safe to run again.
 */
public final class SellerHandoff {
    /** How long the client waits for the seller before the follow-up (PA-BEH-6) unless the seller tuned it. */
    public static final long DEFAULT_FOLLOW_UP_AFTER_SECONDS = HandoffSettings.DEFAULT.followUpAfterSeconds();
    public static final String NOTIFICATION_HANDOFF = "HANDOFF";
    public static final String NOTIFICATION_CLIENT_ASKED_FOR_SELLER = "CLIENT_ASKED_FOR_SELLER";

    static final String SUMMARY_SYSTEM_PROMPT = """
            You write a short summary of a conversation between a client and a seller's assistant on a \
            freelance marketplace, for the seller who is taking over. In at most five short lines, in \
            English, say what the client needs (scope, deadline, budget, references), what was already \
            answered, and what the client is waiting for from the seller. Only use facts from the \
            conversation.""";
    static final String SUMMARY_REQUEST = "Summarize this conversation for the seller.";

    /** PA-BEH-6: the seller has been notified and will reply as soon as possible. */
    static final Map<String, String> FOLLOW_UP_TEMPLATES = Map.of(
            "en", "The seller has been notified and will reply to you as soon as possible. Thank you for your patience!",
            "es", "Hemos avisado al vendedor y te responderá lo antes posible. ¡Gracias por tu paciencia!",
            "fr", "Le vendeur a été prévenu et vous répondra dès que possible. Merci de votre patience !",
            "de", "Der Verkäufer wurde benachrichtigt und antwortet Ihnen so bald wie möglich. Danke für Ihre Geduld!",
            "ar", "تم إبلاغ البائع وسيرد عليك في أقرب وقت ممكن. شكرًا لصبرك!",
            "zh", "已通知卖家，卖家会尽快回复您。感谢您的耐心等待！",
            "ru", "Продавец уведомлён и ответит вам как можно скорее. Спасибо за терпение!");

    /**
     * Longer than SendFollowUp's 15 s function timeout (a live attempt keeps its claim), shorter than
     * the state machine's retries of that step (an attempt killed by the timeout does not fail the handoff).
     */
    private static final Duration IN_PROGRESS_FOR = Duration.ofSeconds(20);
    private static final Duration REMEMBER_FOR = Duration.ofDays(7);
    private static final Log LOG = Log.get(SellerHandoff.class);

    /** DecideHandoff's result; the state machine reads {@code handoff} and {@code followUpAfterSeconds}. */
    public record Decision(boolean handoff, long followUpAfterSeconds, List<String> reasons) {
        public Decision {
            reasons = List.copyOf(reasons);
        }
    }

    /** Summarize's result. */
    public record Summary(boolean summaryWritten, String notificationId) {}

    /** SendFollowUp's result: {@code reason} is {@link #SELLER_NOT_JOINED}, {@link #SELLER_JOINED} or {@link #UNKNOWN_CONVERSATION}. */
    public record FollowUp(boolean sent, String reason) {
        public static final String SELLER_NOT_JOINED = "SELLER_NOT_JOINED";
        public static final String SELLER_JOINED = "SELLER_JOINED";
        public static final String UNKNOWN_CONVERSATION = "UNKNOWN_CONVERSATION";
    }

    private final ConversationStore conversations;
    private final SellerStore sellers;
    private final LanguageModel model;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    /**
     * @param model       used by {@link #summarize} only
     * @param idempotency claims each follow-up once
     */
    public SellerHandoff(ConversationStore conversations, SellerStore sellers, LanguageModel model,
                         IdempotencyStore idempotency, Clock clock) {
        this.conversations = conversations;
        this.sellers = sellers;
        this.model = model;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * PA-BEH-3: the seller is needed when the client asks for them, and for a custom offer or a complex
     * request as the seller's handoff settings say; the follow-up waits as long as the settings say.
     */
    public Decision decide(String sellerId, String conversationId, String messageId, Collection<String> reasonNames) {
        context(conversationId, messageId);
        HandoffSettings tuning = sellers.assistant(sellerId).handoff();
        List<String> reasons = parse(reasonNames).stream().filter(r -> handsOver(r, tuning)).map(Enum::name).toList();
        Optional<Conversation> conversation = find(sellerId, conversationId);
        String why;
        if (conversation.isEmpty()) {
            why = "UNKNOWN_CONVERSATION";
        } else if (conversation.get().takenOverBySeller()) {
            why = "SELLER_HANDLES"; // PA-ACT-8: the seller is already there
        } else if (reasons.isEmpty()) {
            why = "NO_REASON";
        } else {
            why = "SELLER_NEEDED";
        }
        boolean handoff = why.equals("SELLER_NEEDED");
        LOG.info("handoff decided", "handoff", handoff, "why", why, "reasons", reasons);
        return new Decision(handoff, tuning.followUpAfterSeconds(), handoff ? reasons : List.of());
    }

    /** Whether a reason calls the seller in under these settings; asking for the seller always does. */
    static boolean handsOver(HandoffReason reason, HandoffSettings tuning) {
        return switch (reason) {
            case ASKED_FOR_SELLER, CONVERSATION_CAP -> true;
            case CUSTOM_OFFER -> tuning.onCustomOffer();
            case COMPLEX_REQUEST -> tuning.onComplexRequest();
        };
    }

    /**
     * PA-BEH-5 and PA-BEH-4: writes the summary, hands the conversation to the seller (the assistant
     * stops answering in it) and notifies the seller once, under an id derived from the message.
     */
    public Summary summarize(String sellerId, String conversationId, String messageId, Collection<String> reasonNames) {
        context(conversationId, messageId);
        Conversation conversation = find(sellerId, conversationId)
                .orElseThrow(() -> DomainException.notFound("conversation " + conversationId));
        Completion completion = model.complete(summaryPrompt(conversations.messages(conversation)));
        Instant now = clock.instant();
        conversations.saveSummary(conversation, completion.text().strip(), now);
        conversations.handOverToSeller(conversation, now);
        Set<HandoffReason> reasons = parse(reasonNames);
        String type = reasons.contains(HandoffReason.ASKED_FOR_SELLER) ? NOTIFICATION_CLIENT_ASKED_FOR_SELLER : NOTIFICATION_HANDOFF;
        String notificationId = notificationId(conversationId, messageId);
        boolean added = sellers.addNotificationIfAbsent(sellerId, new Notification(notificationId, type, conversationId, now));
        LOG.info("conversation handed to the seller", "notificationType", type, "notified", added,
                "inputTokens", completion.usage().inputTokens(), "outputTokens", completion.usage().outputTokens());
        return new Summary(true, notificationId);
    }

    /**
     * PA-BEH-6: unless the seller wrote since the client's message that started the handoff, tells the
     * client, in their language, that the seller was notified; at most once per handoff.
     */
    public FollowUp followUp(String sellerId, String conversationId, String messageId) {
        context(conversationId, messageId);
        Optional<Conversation> found = find(sellerId, conversationId);
        Optional<Message> trigger = found.flatMap(c -> conversations.findInHistory(c, messageId));
        if (found.isEmpty() || trigger.isEmpty()) {
            LOG.info("no follow-up", "reason", FollowUp.UNKNOWN_CONVERSATION);
            return new FollowUp(false, FollowUp.UNKNOWN_CONVERSATION);
        }
        Conversation conversation = found.get();
        String key = followUpKey(sellerId, conversationId, messageId);
        String reason = idempotency.once(key, IN_PROGRESS_FOR, REMEMBER_FOR,
                () -> sendUnlessSellerJoined(conversation, trigger.get()));
        boolean sent = FollowUp.SELLER_NOT_JOINED.equals(reason);
        LOG.info(sent ? "follow-up sent" : "no follow-up", "reason", reason);
        return new FollowUp(sent, reason);
    }

    /** The business key of the follow-up to one handoff. */
    public static String followUpKey(String sellerId, String conversationId, String messageId) {
        return "followup#" + sellerId + "#" + conversationId + "#" + messageId;
    }

    /** The id of the seller's notification for one handoff: the same on every retry. */
    public static String notificationId(String conversationId, String messageId) {
        return "handoff-" + conversationId + "-" + messageId;
    }

    /** The follow-up text in the client's language, English when the language has no template. */
    public static String followUpText(String language) {
        return FOLLOW_UP_TEMPLATES.getOrDefault(language, FOLLOW_UP_TEMPLATES.get(LanguageDetector.DEFAULT));
    }

    private String sendUnlessSellerJoined(Conversation conversation, Message trigger) {
        List<Message> messages = conversations.messages(conversation);
        // the seller joined if they wrote after the message that started the handoff (so after the summary too)
        boolean sellerJoined = messages.stream()
                .anyMatch(m -> m.author() == Author.SELLER && m.createdAt().isAfter(trigger.createdAt()));
        if (sellerJoined) {
            return FollowUp.SELLER_JOINED;
        }
        String followUpId = trigger.messageId() + "-followup";
        if (messages.stream().anyMatch(m -> m.messageId().equals(followUpId))) {
            return FollowUp.SELLER_NOT_JOINED; // an earlier attempt sent it but could not record that it did
        }
        String clientText = messages.stream().filter(m -> m.author() == Author.CLIENT)
                .reduce((first, second) -> second).map(Message::text).orElse(trigger.text());
        String language = LanguageDetector.detect(clientText);
        // the conversation is the seller's now; the follow-up is appended directly, under a key only this handoff produces
        conversations.append(conversation, new Message(followUpId, conversation.conversationId(),
                Author.ASSISTANT, followUpText(language), language, clock.instant()));
        return FollowUp.SELLER_NOT_JOINED;
    }

    static Prompt summaryPrompt(List<Message> messages) {
        List<Prompt.Turn> turns = new ArrayList<>();
        for (Message message : messages) {
            String label = switch (message.author()) {
                case CLIENT -> "Client";
                case ASSISTANT -> "Assistant";
                case SELLER -> "Seller";
            };
            turns.add(new Prompt.Turn(message.author() == Author.CLIENT ? Prompt.Role.USER : Prompt.Role.ASSISTANT,
                    label + ": " + message.text()));
        }
        turns.add(new Prompt.Turn(Prompt.Role.USER, SUMMARY_REQUEST));
        return new Prompt(SUMMARY_SYSTEM_PROMPT, turns, Prompt.InferenceSettings.DEFAULT);
    }

    private Optional<Conversation> find(String sellerId, String conversationId) {
        return conversations.find(conversationId).filter(c -> c.sellerId().equals(sellerId));
    }

    private static Set<HandoffReason> parse(Collection<String> names) {
        Set<HandoffReason> reasons = EnumSet.noneOf(HandoffReason.class);
        if (names != null) {
            for (String name : names) {
                try {
                    reasons.add(HandoffReason.valueOf(name));
                } catch (IllegalArgumentException | NullPointerException e) {
                    LOG.warn("unknown handoff reason ignored", "reason", name);
                }
            }
        }
        return reasons;
    }

    private static void context(String conversationId, String messageId) {
        Log.put("conversationId", conversationId);
        Log.put("messageId", messageId);
    }
}
