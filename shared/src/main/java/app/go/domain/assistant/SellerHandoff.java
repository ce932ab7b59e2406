package app.go.domain.assistant;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.port.ConversationStore;
import app.go.domain.conversation.Message;
import app.go.domain.seller.FollowUpCase;
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
        public static final String ALREADY_SENT = "ALREADY_SENT";
        public static final String ANSWERED = "ANSWERED";
        public static final String CHAT_WENT_ON = "CHAT_WENT_ON";
        public static final String HANDED_OVER = "HANDED_OVER";
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
        Set<HandoffReason> reasons = parse(reasonNames);
        // PA-BEH-5: written from the structured turns, so it is the same on every retry of this step
        HandoffBrief brief = HandoffBrief.write(conversations.turns(conversation), conversations.messages(conversation),
                reasons, sellers.profile(sellerId));
        Instant now = clock.instant();
        conversations.saveBrief(conversation, brief, now);
        conversations.handOverToSeller(conversation, now);
        String type = reasons.contains(HandoffReason.ASKED_FOR_SELLER) ? NOTIFICATION_CLIENT_ASKED_FOR_SELLER : NOTIFICATION_HANDOFF;
        String notificationId = notificationId(conversationId, messageId);
        boolean added = sellers.addNotificationIfAbsent(sellerId, new Notification(notificationId, type, conversationId, now, brief.text()));
        LOG.info("conversation handed to the seller", "notificationType", type, "notified", added,
                "gathered", brief.requirements().size(), "openQuestions", brief.openQuestions().size(),
                "clientLanguage", brief.clientLanguage(), "sellerLanguage", brief.sellerLanguage());
        return new Summary(true, notificationId);
    }

    /** PA-BEH-6 case (a), the handoff state machine's follow-up. */
    public FollowUp followUp(String sellerId, String conversationId, String messageId) {
        return followUp(sellerId, conversationId, messageId, FollowUpCase.SELLER_NOT_JOINED);
    }

    /**
     * PA-BEH-6: after the wait of {@code followUpCase}, tells the client in their language what happens
     * next, unless the seller wrote since the client's message {@code messageId} (or, for UNANSWERED,
     * anyone answered it; for NOT_FORWARDED, the chat went on or was handed over). At most one follow-up
     * per case per conversation: the business key is the case and the conversation, and it is claimed
     * only when the follow-up is due, so an earlier timer that found nothing to do does not use it up.
     */
    public FollowUp followUp(String sellerId, String conversationId, String messageId, FollowUpCase followUpCase) {
        context(conversationId, messageId);
        Optional<Conversation> found = find(sellerId, conversationId);
        Optional<Message> trigger = found.flatMap(c -> conversations.findInHistory(c, messageId));
        if (found.isEmpty() || trigger.isEmpty()) {
            LOG.info("no follow-up", "reason", FollowUp.UNKNOWN_CONVERSATION, "case", followUpCase.name());
            return new FollowUp(false, FollowUp.UNKNOWN_CONVERSATION);
        }
        Conversation conversation = found.get();
        Optional<String> skip = skipReason(conversation, trigger.get(), followUpCase);
        if (skip.isPresent()) {
            LOG.info("no follow-up", "reason", skip.get(), "case", followUpCase.name());
            return new FollowUp(false, skip.get());
        }
        String reason = idempotency.once(followUpKey(sellerId, conversationId, followUpCase), IN_PROGRESS_FOR, REMEMBER_FOR,
                () -> send(conversation, followUpCase));
        boolean sent = followUpCase.name().equals(reason);
        LOG.info(sent ? "follow-up sent" : "no follow-up", "reason", reason, "case", followUpCase.name());
        return new FollowUp(sent, sent ? reason : FollowUp.ALREADY_SENT);
    }

    /** The business key of a conversation's follow-up of one case. */
    public static String followUpKey(String sellerId, String conversationId, FollowUpCase followUpCase) {
        return "followup#" + sellerId + "#" + conversationId + "#" + followUpCase.name();
    }

    /** The id of a conversation's follow-up message of one case. */
    public static String followUpMessageId(String conversationId, FollowUpCase followUpCase) {
        return "m-" + conversationId + "-followup-" + followUpCase.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The id of the seller's notification for one handoff: the same on every retry. */
    public static String notificationId(String conversationId, String messageId) {
        return "handoff-" + conversationId + "-" + messageId;
    }

    /** The SELLER_NOT_JOINED follow-up in the client's language, English when the language has no template. */
    public static String followUpText(String language) {
        return followUpText(FollowUpCase.SELLER_NOT_JOINED, language, "");
    }

    public static String followUpText(FollowUpCase followUpCase, String language, String seller) {
        return HandoffBrief.phrase(language, "followUp." + followUpCase.name(), Map.of("seller", seller));
    }

    private Optional<String> skipReason(Conversation conversation, Message trigger, FollowUpCase followUpCase) {
        List<Message> after = conversations.messages(conversation).stream()
                .filter(m -> m.createdAt().isAfter(trigger.createdAt()) || m.createdAt().equals(trigger.createdAt())
                        && !m.messageId().equals(trigger.messageId()))
                .toList();
        if (conversations.findInHistory(conversation, followUpMessageId(conversation.conversationId(), followUpCase)).isPresent()) {
            return Optional.of(FollowUp.ALREADY_SENT);
        }
        if (after.stream().anyMatch(m -> m.author() == Author.SELLER)) {
            return Optional.of(FollowUp.SELLER_JOINED); // none once the seller writes
        }
        boolean followUp = false;
        for (Message m : after) {
            followUp = m.messageId().contains("-followup");
            if (followUpCase == FollowUpCase.UNANSWERED && m.author() == Author.ASSISTANT && !followUp) {
                return Optional.of(FollowUp.ANSWERED);
            }
            if (followUpCase == FollowUpCase.NOT_FORWARDED && m.author() == Author.CLIENT) {
                return Optional.of(FollowUp.CHAT_WENT_ON);
            }
        }
        if (followUpCase == FollowUpCase.NOT_FORWARDED && conversation.takenOverBySeller()) {
            return Optional.of(FollowUp.HANDED_OVER); // the handoff's own follow-up applies
        }
        return Optional.empty();
    }

    private String send(Conversation conversation, FollowUpCase followUpCase) {
        String followUpId = followUpMessageId(conversation.conversationId(), followUpCase);
        if (conversations.findInHistory(conversation, followUpId).isPresent()) {
            return followUpCase.name(); // an earlier attempt sent it but could not record that it did
        }
        List<TurnRecord> turns = conversations.turns(conversation);
        String language = turns.isEmpty() ? LanguageDetector.detect(conversations.messages(conversation).stream()
                .filter(m -> m.author() == Author.CLIENT).reduce((first, second) -> second).map(Message::text).orElse(""))
                : AssistantPhrases.primary(turns.get(turns.size() - 1).language());
        String seller = sellers.profile(conversation.sellerId()).map(p -> p.displayName()).orElse("the seller");
        // appended directly (the conversation may be the seller's now), under an id only this case produces
        conversations.append(conversation, new Message(followUpId, conversation.conversationId(),
                Author.ASSISTANT, followUpText(followUpCase, language, seller), language, clock.instant()));
        return followUpCase.name();
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
