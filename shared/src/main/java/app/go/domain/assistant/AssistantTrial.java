package app.go.domain.assistant;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Message;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.domain.port.SellerStore;
import app.go.domain.knowledge.KnowledgeService;
import app.go.domain.port.KnowledgeStore;
import app.go.domain.port.LanguageModel;
import app.go.support.errors.DomainException;
import app.go.support.log.BusinessMetric;
import app.go.support.log.Log;

import java.time.Clock;
import java.util.List;

/**
 * PA-LIM-1: before activation the seller may try the assistant with at most {@value #TRY_LIMIT}
 * messages. A try is answered exactly as a client would be (same prompt, same model) but is stored
 * nowhere except in the count.
 */
public final class AssistantTrial {
    public static final int TRY_LIMIT = 5;
    private static final Log LOG = Log.get(AssistantTrial.class);

    private final SellerStore sellers;
    private final ReplyWriter writer;
    private final Clock clock;

    /** Answers from the generated knowledge only. */
    public AssistantTrial(SellerStore sellers, LanguageModel model, Clock clock) {
        this(sellers, model, null, clock);
    }

    /** Answers from the seller's knowledge base and tone, exactly as a client would be answered. */
    public AssistantTrial(SellerStore sellers, LanguageModel model, KnowledgeStore knowledge, Clock clock) {
        this(sellers, model, knowledge, clock, null);
    }

    /** With the retriever the handlers use, so a try's prompt is bounded like a reply's (issue 7). */
    public AssistantTrial(SellerStore sellers, LanguageModel model, KnowledgeStore knowledge, Clock clock,
                          app.go.domain.port.KnowledgeRetriever retriever) {
        this.sellers = sellers;
        this.writer = new ReplyWriter(sellers, model, knowledge == null ? null : new KnowledgeService(sellers, knowledge, clock), retriever);
        this.clock = clock;
    }

    public record Reply(String text, String language, int triesLeft) {}

    public Reply tryOut(String sellerId, String text) {
        SellerAccount account = sellers.account(sellerId).orElse(null);
        if (account == null || !account.eligibleForAssistant()) {
            throw new DomainException(DomainException.Kind.RULE, "NOT_ELIGIBLE",
                    "the Personal Assistant is for Level 2 sellers and above and for Seller Plus Premium members");
        }
        AssistantSettings settings = sellers.assistant(sellerId);
        if (settings.state() != AssistantState.INACTIVE && settings.state() != AssistantState.TRAINING) {
            throw new DomainException(DomainException.Kind.CONFLICT, "ASSISTANT_ALREADY_ACTIVATED",
                    "trying the assistant is for before activation; it is " + settings.state());
        }
        // counted before the model is asked, so concurrent tries cannot pass the limit together
        if (!sellers.tryCountAssistantTry(sellerId, TRY_LIMIT)) {
            LOG.info("assistant try refused", "sellerId", sellerId, "limit", TRY_LIMIT);
            throw new DomainException(DomainException.Kind.LIMIT, "TRY_LIMIT_REACHED",
                    "the assistant can be tried with at most " + TRY_LIMIT + " messages before activation");
        }
        Message question = new Message("try", "try", Author.CLIENT, text, null, clock.instant());
        ReplyWriter.Written written;
        try {
            written = writer.write(sellerId, settings, null, List.of(question), text);
        } catch (RuntimeException e) {
            // a try the model could not answer was not a try
            sellers.returnAssistantTry(sellerId);
            throw e;
        }
        int triesLeft = Math.max(0, TRY_LIMIT - sellers.assistantTries(sellerId));
        Log.count(BusinessMetric.TRIES);
        LOG.info("assistant tried", "sellerId", sellerId, "language", written.language(), "triesLeft", triesLeft,
                "inputTokens", written.turn().usage().inputTokens(), "outputTokens", written.turn().usage().outputTokens());
        return new Reply(written.text(), written.language(), triesLeft);
    }
}
