package app.go.domain.assistant;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Message;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.KnowledgeService;
import app.go.domain.knowledge.SavedKnowledge;
import app.go.domain.knowledge.ToneProfile;
import app.go.domain.port.AssistantTurn;
import app.go.domain.port.Completion;
import app.go.domain.port.KnowledgeRetriever;
import app.go.domain.port.KnowledgeStore;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.Prompt;
import app.go.domain.port.ReplyContext;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue 7 item 4, measured: the estimated prompt tokens of one reply written the way replies are
 * written ({@link ReplyWriter}: retrieval, history bounded by tokens, the fixed rules) for a seller
 * with a given number of knowledge entries and a conversation with a given number of past turns.
 * {@code PromptBoundsTest} asserts the ratios on it and the bench reports them, so both read one figure.
 */
public final class PromptSizes {
    /** The bound of issue 7: 1,000 entries over 10 and 500 turns over 5 cost at most this much more. */
    public static final double MAX_RATIO = 1.2;
    public static final int FEW_ENTRIES = 10;
    public static final int MANY_ENTRIES = 1_000;
    public static final int FEW_TURNS = 5;
    public static final int MANY_TURNS = 500;
    public static final String QUESTION = "Do you offer touch-ups after the session?";

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String SELLER = "s-1";
    private static final String[] TOPICS = {"colour", "size", "placement", "aftercare", "deposit", "touch-ups", "sketches",
            "lettering", "cover-ups", "portraits", "watercolor", "linework", "minimal", "geometric", "flash"};

    /** One reply's prompt (system and turns, estimated tokens) and the model's turn on it. */
    public record Measured(int entries, int turns, int promptTokens, AssistantTurn turn) {
        /** The reply text's estimated tokens: what the model writes, without the tool call's JSON around it. */
        public int replyTokens() {
            return PromptTokens.estimate(turn.reply());
        }
    }

    /** The three prompts issue 7 compares, with both ratios against the small one. */
    public record Bounds(Measured base, Measured manyEntries, Measured manyTurns) {
        public double knowledgeRatio() {
            return (double) manyEntries.promptTokens() / base.promptTokens();
        }

        public double historyRatio() {
            return (double) manyTurns.promptTokens() / base.promptTokens();
        }
    }

    private PromptSizes() {}

    /** 10 entries / 5 turns, 1,000 entries / 5 turns and 10 entries / 500 turns, answered by {@code model}. */
    public static Bounds bounds(LanguageModel model, KnowledgeRetriever retriever) {
        return new Bounds(measure(model, retriever, FEW_ENTRIES, FEW_TURNS), measure(model, retriever, MANY_ENTRIES, FEW_TURNS),
                measure(model, retriever, FEW_ENTRIES, MANY_TURNS));
    }

    /** The prompt of one reply for a seller with {@code entries} saved knowledge entries and {@code turns} past messages. */
    public static Measured measure(LanguageModel model, KnowledgeRetriever retriever, int entries, int turns) {
        SellerProfile profile = new SellerProfile("Ana", "Tattoo artist in Lisbon", List.of("tattoo design"), List.of("English"));
        SellerService service = new SellerService("svc-1", "Custom tattoo design", "Your idea as a tattoo", "TATTOO",
                List.of(new SellerService.ServicePackage("Basic", 4_500, 3, 1, "one design"),
                        new SellerService.ServicePackage("Premium", 13_500, 5, 3, "colour and sizes")),
                List.of(new SellerService.Faq("Do you do color?", "Yes, colour designs are in Premium.")));
        List<KnowledgeEntry> saved = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            String topic = TOPICS[i % TOPICS.length];
            saved.add(new KnowledgeEntry("kb-" + i, KnowledgeEntry.Scope.GENERAL, null,
                    "Question " + i + " about " + topic + " for style " + (i / TOPICS.length) + "?",
                    "Answer " + i + ": about " + topic + ", style " + (i / TOPICS.length) + ", I work like this in most cases.",
                    KnowledgeEntry.Source.SELLER));
        }
        List<Message> history = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            boolean client = i % 2 == 0;
            history.add(new Message("m-" + i, "c-1", client ? Author.CLIENT : Author.ASSISTANT,
                    client ? "I would like a tattoo of a rose with some leaves, about 10 cm, number " + i
                            : "Thanks! Where would you like it, and do you have a deadline? (" + i + ")",
                    "en", NOW.minusSeconds(10_000 - i)));
        }
        history.add(new Message("m-now", "c-1", Author.CLIENT, QUESTION, "en", NOW));

        AtomicReference<ReplyContext> seen = new AtomicReference<>();
        LanguageModel watched = new LanguageModel() {
            @Override
            public AssistantTurn respond(ReplyContext context) {
                seen.set(context);
                return model.respond(context);
            }

            @Override
            public Completion complete(Prompt prompt) {
                return model.complete(prompt);
            }
        };
        // the stores are not read: the sources are handed over as a reply reads them (one snapshot)
        ReplyWriter writer = new ReplyWriter(null, watched, new KnowledgeService(null, null, Clock.fixed(NOW, ZoneOffset.UTC)), retriever);
        ReplyWriter.Sources sources = new ReplyWriter.Sources(profile, List.of(service),
                new KnowledgeStore.Snapshot(Optional.of(new SavedKnowledge(saved, Set.of(), NOW)), Map.of()), ToneProfile.NONE);
        ReplyWriter.Written written = writer.write(SELLER, sources, new AssistantSettings("Ava", AssistantState.ACTIVE, NOW, "desktop"),
                service.serviceId(), history, QUESTION);
        return new Measured(entries, turns, PromptTokens.estimate(PromptBuilder.build(seen.get())), written.turn());
    }
}
