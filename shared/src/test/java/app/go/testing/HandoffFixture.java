package app.go.testing;

import app.go.domain.assistant.SellerHandoff;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.HandledBy;
import app.go.domain.conversation.Message;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryConversationStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingLanguageModel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** One seller, one conversation started by a client, and a SellerHandoff over in-memory fakes. */
public final class HandoffFixture {
    public static final String SELLER = "s-1";
    public static final String CONVERSATION = "c-1";
    public static final String MESSAGE = "m-1";
    public static final String SUMMARY = "The client needs a custom logo pack within a week.";

    public final AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
    public final InMemoryConversationStore conversations = new InMemoryConversationStore();
    public final InMemorySellerStore sellers = new InMemorySellerStore();
    public final RecordingLanguageModel model = new RecordingLanguageModel(SUMMARY);
    public final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();

    /** A conversation handled by the assistant whose first message is {@code clientText}. */
    public HandoffFixture(String clientText) {
        Instant now = clock.instant();
        conversations.create(new Conversation(CONVERSATION, SELLER, "u-1", null, now, now, true, HandledBy.ASSISTANT),
                new Message(MESSAGE, CONVERSATION, Author.CLIENT, clientText, null, now));
    }

    public SellerHandoff handoff() {
        return new SellerHandoff(conversations, sellers, model, idempotency, clock);
    }

    public Conversation conversation() {
        return conversations.find(CONVERSATION).orElseThrow();
    }

    /** Someone writes a minute later. */
    public Message write(Author author, String text) {
        clock.advance(Duration.ofMinutes(1));
        Message message = new Message("m-" + author.name().toLowerCase() + "-" + clock.instant().getEpochSecond(),
                CONVERSATION, author, text, null, clock.instant());
        conversations.append(conversation(), message);
        return message;
    }
}
