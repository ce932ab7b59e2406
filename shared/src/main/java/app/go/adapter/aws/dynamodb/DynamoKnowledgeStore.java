package app.go.adapter.aws.dynamodb;

import app.go.domain.port.KnowledgeStore;
import app.go.domain.knowledge.SavedKnowledge;
import app.go.domain.knowledge.SellerReply;
import app.go.domain.knowledge.ToneProfile;
import app.go.support.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static app.go.adapter.aws.dynamodb.Items.item;

/**
 * The knowledge base in the sellers table, in the seller's partition ({@code SELLER#<id>}): the
 * saved entries as one item {@code KB#BASE} (saved and restored atomically), and the seller's
 * replies as {@code KB#REPLY#<epoch millis>#<messageId>}, expiring after the 12 months
 * PA-SRC-2 lets the assistant read; the tone learned from those replies as {@code KB#TONE}.
 */
public final class DynamoKnowledgeStore implements KnowledgeStore {
    private static final String BASE = "KB#BASE";
    private static final String REPLY_PREFIX = "KB#REPLY#";
    private static final String TONE = "KB#TONE";
    private static final Duration REPLY_RETENTION = Duration.ofDays(366);

    private final DynamoTable items;

    public DynamoKnowledgeStore(DynamoDbClient dynamo, String table) {
        this.items = new DynamoTable(dynamo, table);
    }

    @Override
    public Optional<SavedKnowledge> saved(String sellerId) {
        return items.get(Items.sellerKey(sellerId), BASE).map(found -> Json.read(Items.str(found, "data"), SavedKnowledge.class));
    }

    @Override
    public void save(String sellerId, SavedKnowledge knowledge) {
        items.put(item(Items.sellerKey(sellerId), BASE)
                .with("data", Json.write(knowledge)).with("savedAt", knowledge.savedAt()).build());
    }

    @Override
    public void deleteSaved(String sellerId) {
        items.delete(Items.sellerKey(sellerId), BASE);
    }

    @Override
    public void recordSellerReply(String sellerId, SellerReply reply) {
        String sk = String.format("%s%013d#%s", REPLY_PREFIX, reply.at().toEpochMilli(), reply.messageId());
        items.put(item(Items.sellerKey(sellerId), sk)
                .with("conversationId", reply.conversationId()).with("messageId", reply.messageId())
                .with("serviceId", reply.serviceId()).with("question", reply.question()).with("answer", reply.answer())
                .with("at", reply.at()).with("expiresAt", reply.at().plus(REPLY_RETENTION).getEpochSecond()).build());
    }

    @Override
    public List<SellerReply> sellerReplies(String sellerId, int limit) {
        return items.queryPrefix(Items.sellerKey(sellerId), REPLY_PREFIX, false).limit(limit)
                .map(i -> new SellerReply(Items.str(i, "conversationId"), Items.str(i, "messageId"), Items.str(i, "serviceId"),
                        Items.str(i, "question"), Items.str(i, "answer"), Items.instant(i, "at")))
                .toList();
    }

    @Override
    public Optional<ToneProfile> tone(String sellerId) {
        return items.get(Items.sellerKey(sellerId), TONE).map(i -> new ToneProfile(Items.str(i, "greeting"),
                Items.str(i, "greetingLanguage"), ToneProfile.Formality.valueOf(Items.str(i, "formality")),
                Items.bool(i, "emoji", false), Items.bool(i, "frequentExclamations", false), Items.str(i, "signOff"),
                ToneProfile.Length.valueOf(Items.str(i, "length")), (int) Items.num(i, "typicalWords", 0)));
    }

    @Override
    public void saveTone(String sellerId, ToneProfile tone) {
        items.put(item(Items.sellerKey(sellerId), TONE).with("greeting", tone.greeting())
                .with("greetingLanguage", tone.greetingLanguage()).with("formality", tone.formality().name())
                .with("emoji", tone.emoji()).with("frequentExclamations", tone.frequentExclamations())
                .with("signOff", tone.signOff()).with("length", tone.length().name())
                .with("typicalWords", tone.typicalWords()).build());
    }
}
