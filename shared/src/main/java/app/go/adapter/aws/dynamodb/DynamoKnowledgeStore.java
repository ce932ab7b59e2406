package app.go.adapter.aws.dynamodb;

import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.port.KnowledgeStore;
import app.go.domain.knowledge.SavedKnowledge;
import app.go.domain.knowledge.SellerReply;
import app.go.domain.knowledge.ToneProfile;
import app.go.support.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static app.go.adapter.aws.dynamodb.Items.item;
import static app.go.adapter.aws.dynamodb.Items.s;

/**
 * The knowledge base in the sellers table, in the seller's partition ({@code SELLER#<id>}), one item
 * per entry so an entry's size is bounded by its own limits, never the whole base's:
 * <ul>
 *   <li>{@code KB#HEAD}: which generation of entries is the saved one, how many it has, the generated
 *       ids seen at the save and when it was saved;</li>
 *   <li>{@code KB#ENTRY#<generation>#<position>}: one entry (id, scope, serviceId, question, answer,
 *       source; further attributes can be added per entry);</li>
 *   <li>{@code KB#REPLY#<epoch millis>#<messageId>}: the seller's replies, expiring after the 12 months
 *       PA-SRC-2 lets the assistant read;</li>
 *   <li>{@code KB#TONE}: the tone learned from those replies (PA-SRC-3);</li>
 *   <li>{@code KB#EV#<text key>}: the embedding of one entry text ({@code v}: 512 signed bytes, see
 *       {@link app.go.domain.knowledge.EmbeddingVectors}); between the entries and the head in sort
 *       order, so one query reads head, entries and vectors ({@link #snapshot}).</li>
 * </ul>
 * A save writes its entries under a new generation and then switches the head to it with one
 * conditional write, so a save is all or nothing and readers never see half of one; the replaced
 * generation is deleted afterwards (entries of a save that crashed before its switch are deleted by a
 * later save once they are an hour old).
 */
public final class DynamoKnowledgeStore implements KnowledgeStore {
    private static final String HEAD = "KB#HEAD";
    private static final String LEGACY_BASE = "KB#BASE";
    private static final String ENTRY_PREFIX = "KB#ENTRY#";
    private static final String REPLY_PREFIX = "KB#REPLY#";
    private static final String TONE = "KB#TONE";
    private static final String UNANSWERED_PREFIX = "KB#UNANSWERED#";
    private static final String VECTOR_PREFIX = "KB#EV#";
    private static final Duration REPLY_RETENTION = Duration.ofDays(366);
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final int READ_ATTEMPTS = 3;
    private static final int SAVE_ATTEMPTS = 10;
    private static final int BATCH_SIZE = 25;
    private static final int UNPROCESSED_ATTEMPTS = 8;

    private final DynamoTable items;

    public DynamoKnowledgeStore(DynamoDbClient dynamo, String table) {
        this.items = new DynamoTable(dynamo, table);
    }

    @Override
    public Optional<SavedKnowledge> saved(String sellerId) {
        String pk = Items.sellerKey(sellerId);
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> head = items.get(pk, HEAD, true);
            if (head.isEmpty()) {
                return legacy(pk);
            }
            String generation = Items.str(head.get(), "generation");
            List<KnowledgeEntry> entries = entries(pk, generation).map(DynamoKnowledgeStore::entry).toList();
            if (entries.size() == Items.num(head.get(), "entryCount", 0) || attempt == READ_ATTEMPTS) {
                return Optional.of(new SavedKnowledge(entries, new HashSet<>(Items.strings(head.get(), "generatedIdsSeen")),
                        Items.instant(head.get(), "savedAt")));
            }
            // a save switched the head and removed this generation between our two reads: read the new one
        }
    }

    /** One strongly consistent query from the first entry to the head: the head, its entries and the vectors. */
    @Override
    public Snapshot snapshot(String sellerId) {
        String pk = Items.sellerKey(sellerId);
        List<Map<String, AttributeValue>> found = items.client().queryPaginator(b -> b.tableName(items.name()).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":from", s(ENTRY_PREFIX), ":to", s(HEAD)))).items().stream().toList();
        Map<String, byte[]> vectors = vectors(found.stream());
        Optional<Map<String, AttributeValue>> head = found.stream().filter(i -> HEAD.equals(Items.str(i, "sk"))).findFirst();
        if (head.isEmpty()) {
            return new Snapshot(legacy(pk), vectors);
        }
        String prefix = ENTRY_PREFIX + Items.str(head.get(), "generation") + "#";
        List<KnowledgeEntry> entries = found.stream().filter(i -> Items.str(i, "sk").startsWith(prefix))
                .map(DynamoKnowledgeStore::entry).toList();
        if (entries.size() != Items.num(head.get(), "entryCount", 0)) {
            return new Snapshot(saved(sellerId), vectors); // a save switched the head meanwhile
        }
        return new Snapshot(Optional.of(new SavedKnowledge(entries, new HashSet<>(Items.strings(head.get(), "generatedIdsSeen")),
                Items.instant(head.get(), "savedAt"))), vectors);
    }

    @Override
    public Map<String, byte[]> vectors(String sellerId) {
        return vectors(query(Items.sellerKey(sellerId), VECTOR_PREFIX));
    }

    private static Map<String, byte[]> vectors(Stream<Map<String, AttributeValue>> items) {
        Map<String, byte[]> vectors = new java.util.HashMap<>();
        items.filter(i -> Items.str(i, "sk").startsWith(VECTOR_PREFIX) && i.containsKey("v"))
                .forEach(i -> vectors.put(Items.str(i, "sk").substring(VECTOR_PREFIX.length()), i.get("v").b().asByteArray()));
        return vectors;
    }

    @Override
    public void saveVectors(String sellerId, Map<String, byte[]> added, java.util.Set<String> removed) {
        String pk = Items.sellerKey(sellerId);
        List<WriteRequest> writes = new ArrayList<>();
        added.forEach((key, vector) -> writes.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s(pk),
                "sk", s(VECTOR_PREFIX + key), "v", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(vector))))).build()));
        removed.stream().filter(key -> !added.containsKey(key)).forEach(key -> writes.add(WriteRequest.builder()
                .deleteRequest(d -> d.key(Items.key(pk, VECTOR_PREFIX + key))).build()));
        writeAll(writes);
    }

    @Override
    public void save(String sellerId, SavedKnowledge knowledge) {
        String pk = Items.sellerKey(sellerId);
        for (int attempt = 1; ; attempt++) {
            Optional<String> replaced = items.get(pk, HEAD, true).map(h -> Items.str(h, "generation"));
            String generation = newGeneration();
            List<KnowledgeEntry> entries = knowledge.entries();
            List<WriteRequest> puts = new ArrayList<>();
            for (int position = 0; position < entries.size(); position++) {
                Map<String, AttributeValue> entry = entryItem(pk, generation, position, entries.get(position));
                puts.add(WriteRequest.builder().putRequest(p -> p.item(entry)).build());
            }
            writeAll(puts);
            if (switchHead(pk, replaced, generation, knowledge)) {
                items.delete(pk, LEGACY_BASE);
                deleteReplacedAndAbandoned(pk, generation, replaced);
                return;
            }
            deleteGeneration(pk, generation); // another save switched first: ours is written again on top of it
            if (attempt == SAVE_ATTEMPTS) {
                throw new IllegalStateException("knowledge base of " + sellerId + " is being saved concurrently; retry");
            }
            jitter(); // concurrent saves of one seller would otherwise keep colliding in step
        }
    }

    @Override
    public void deleteSaved(String sellerId) {
        String pk = Items.sellerKey(sellerId);
        Optional<String> generation = items.get(pk, HEAD, true).map(h -> Items.str(h, "generation"));
        items.delete(pk, HEAD);
        items.delete(pk, LEGACY_BASE);
        generation.ifPresent(g -> deleteGeneration(pk, g));
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

    /** {@code KB#UNANSWERED#<epoch millis>#<messageId>}, expiring with the seller's replies (PA-SRC-2). */
    @Override
    public void recordUnanswered(String sellerId, app.go.domain.knowledge.UnansweredQuestion q) {
        String sk = String.format("%s%013d#%s", UNANSWERED_PREFIX, q.at().toEpochMilli(), q.messageId());
        items.put(item(Items.sellerKey(sellerId), sk).with("conversationId", q.conversationId()).with("messageId", q.messageId())
                .with("text", q.text()).with("language", q.language()).with("at", q.at())
                .with("expiresAt", q.at().plus(REPLY_RETENTION).getEpochSecond()).build());
    }

    @Override
    public List<app.go.domain.knowledge.UnansweredQuestion> unanswered(String sellerId, int limit) {
        return items.queryPrefix(Items.sellerKey(sellerId), UNANSWERED_PREFIX, false).limit(limit)
                .map(i -> new app.go.domain.knowledge.UnansweredQuestion(Items.str(i, "conversationId"), Items.str(i, "messageId"),
                        Items.str(i, "text"), Items.str(i, "language"), Items.instant(i, "at")))
                .toList();
    }

    @Override
    public Optional<ToneProfile> tone(String sellerId) {
        return items.get(Items.sellerKey(sellerId), TONE).map(DynamoKnowledgeStore::tone);
    }

    static final String TONE_KEY = TONE;

    static ToneProfile tone(Map<String, AttributeValue> i) {
        return new ToneProfile(Items.str(i, "greeting"),
                Items.str(i, "greetingLanguage"), ToneProfile.Formality.valueOf(Items.str(i, "formality")),
                Items.bool(i, "emoji", false), Items.bool(i, "frequentExclamations", false), Items.str(i, "signOff"),
                ToneProfile.Length.valueOf(Items.str(i, "length")), (int) Items.num(i, "typicalWords", 0));
    }

    @Override
    public void saveTone(String sellerId, ToneProfile tone) {
        items.put(item(Items.sellerKey(sellerId), TONE).with("greeting", tone.greeting())
                .with("greetingLanguage", tone.greetingLanguage()).with("formality", tone.formality().name())
                .with("emoji", tone.emoji()).with("frequentExclamations", tone.frequentExclamations())
                .with("signOff", tone.signOff()).with("length", tone.length().name())
                .with("typicalWords", tone.typicalWords()).build());
    }

    /** A base saved before entries were items of their own: one JSON document, replaced by the next save. */
    private Optional<SavedKnowledge> legacy(String pk) {
        return items.get(pk, LEGACY_BASE, true).map(found -> Json.read(Items.str(found, "data"), SavedKnowledge.class));
    }

    private boolean switchHead(String pk, Optional<String> replaced, String generation, SavedKnowledge knowledge) {
        Map<String, AttributeValue> head = item(pk, HEAD).with("generation", generation)
                .with("entryCount", knowledge.entries().size())
                .with("generatedIdsSeen", knowledge.generatedIdsSeen().stream().sorted().toList())
                .with("savedAt", knowledge.savedAt()).build();
        try {
            items.client().putItem(b -> {
                b.tableName(items.name()).item(head);
                if (replaced.isPresent()) {
                    b.conditionExpression("generation = :replaced")
                            .expressionAttributeValues(Map.of(":replaced", s(replaced.get())));
                } else {
                    b.conditionExpression("attribute_not_exists(pk)");
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private void deleteReplacedAndAbandoned(String pk, String current, Optional<String> replaced) {
        Instant abandonedBefore = generationTime(current).minus(ABANDONED_AFTER);
        List<String> stale = new ArrayList<>();
        try (Stream<Map<String, AttributeValue>> all = allEntries(pk)) {
            all.forEach(i -> {
                String generation = generationOf(Items.str(i, "sk"));
                if (!generation.equals(current)
                        && (replaced.map(generation::equals).orElse(false) || generationTime(generation).isBefore(abandonedBefore))) {
                    stale.add(Items.str(i, "sk"));
                }
            });
        }
        deleteAll(pk, stale);
    }

    private void deleteGeneration(String pk, String generation) {
        deleteAll(pk, entries(pk, generation).map(i -> Items.str(i, "sk")).toList());
    }

    private void deleteAll(String pk, List<String> sortKeys) {
        writeAll(sortKeys.stream().map(sk -> WriteRequest.builder()
                .deleteRequest(d -> d.key(Items.key(pk, sk))).build()).toList());
    }

    /** BatchWriteItem in chunks of 25, resending what DynamoDB left unprocessed. */
    private void writeAll(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += BATCH_SIZE) {
            Map<String, List<WriteRequest>> pending = Map.of(items.name(),
                    writes.subList(from, Math.min(from + BATCH_SIZE, writes.size())));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == UNPROCESSED_ATTEMPTS) {
                    throw new IllegalStateException("knowledge base writes left unprocessed; retry");
                }
                backOff(attempt);
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = items.client().batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    private Stream<Map<String, AttributeValue>> entries(String pk, String generation) {
        return query(pk, ENTRY_PREFIX + generation + "#");
    }

    private Stream<Map<String, AttributeValue>> allEntries(String pk) {
        return query(pk, ENTRY_PREFIX);
    }

    /** Strongly consistent: a head just switched must find every entry written before it. */
    private Stream<Map<String, AttributeValue>> query(String pk, String prefix) {
        return items.client().queryPaginator(b -> b.tableName(items.name()).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix)))).items().stream();
    }

    private static void jitter() {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving the knowledge base", e);
        }
    }

    private static void backOff(int attempt) {
        if (attempt == 0) {
            return;
        }
        try {
            Thread.sleep(10L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving the knowledge base", e);
        }
    }

    private static Map<String, AttributeValue> entryItem(String pk, String generation, int position, KnowledgeEntry entry) {
        return item(pk, String.format("%s%s#%04d", ENTRY_PREFIX, generation, position))
                .with("entryId", entry.id()).with("scope", entry.scope().name()).with("serviceId", entry.serviceId())
                .with("question", entry.question()).with("answer", entry.answer()).with("source", entry.source().name())
                .build();
    }

    private static KnowledgeEntry entry(Map<String, AttributeValue> item) {
        return new KnowledgeEntry(Items.str(item, "entryId"), KnowledgeEntry.Scope.valueOf(Items.str(item, "scope")),
                Items.optStr(item, "serviceId").orElse(null), Items.optStr(item, "question").orElse(""),
                Items.optStr(item, "answer").orElse(""), KnowledgeEntry.Source.valueOf(Items.str(item, "source")));
    }

    /** Sorts by time: {@code <epoch millis, 13 digits>-<random>}. */
    private static String newGeneration() {
        return String.format("%013d-%s", System.currentTimeMillis(), UUID.randomUUID().toString().substring(0, 8));
    }

    private static String generationOf(String entrySortKey) {
        String rest = entrySortKey.substring(ENTRY_PREFIX.length());
        return rest.substring(0, rest.indexOf('#'));
    }

    private static Instant generationTime(String generation) {
        return Instant.ofEpochMilli(Long.parseLong(generation.substring(0, generation.indexOf('-'))));
    }
}
