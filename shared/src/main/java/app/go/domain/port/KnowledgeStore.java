package app.go.domain.port;

import app.go.domain.knowledge.SavedKnowledge;
import app.go.domain.knowledge.SellerReply;
import app.go.domain.knowledge.ToneProfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port to a seller's knowledge base and the replies it learns from; every key is the seller's own (DATA-2). */
public interface KnowledgeStore {

    /** Empty until the seller saves (then the generated defaults are the knowledge base). */
    Optional<SavedKnowledge> saved(String sellerId);

    void save(String sellerId, SavedKnowledge knowledge);

    /** PA-KB-2 "restore defaults": forgets the saved entries. */
    void deleteSaved(String sellerId);

    /** Remembers a seller's reply; the same message recorded twice is kept once. */
    void recordSellerReply(String sellerId, SellerReply reply);

    /** The seller's replies, newest first, at most {@code limit}. */
    List<SellerReply> sellerReplies(String sellerId, int limit);

    /** PA-SRC-3: the seller's tone as last learned from their replies; empty until they have written. */
    Optional<ToneProfile> tone(String sellerId);

    void saveTone(String sellerId, ToneProfile tone);

    /** PA-KB-3: remembers a question the assistant could not answer; the same message recorded twice is kept once. */
    void recordUnanswered(String sellerId, app.go.domain.knowledge.UnansweredQuestion question);

    /** The seller's unanswered questions, newest first, at most {@code limit}. */
    List<app.go.domain.knowledge.UnansweredQuestion> unanswered(String sellerId, int limit);

    /**
     * What answering a message reads of the knowledge base: the saved entries and the stored vectors
     * of the entries' texts (by {@link app.go.domain.knowledge.EmbeddingVectors#key}); one round
     * trip where the store allows.
     */
    record Snapshot(Optional<SavedKnowledge> saved, Map<String, byte[]> vectors) {
        public Snapshot {
            vectors = Map.copyOf(vectors);
        }
    }

    default Snapshot snapshot(String sellerId) {
        return new Snapshot(saved(sellerId), vectors(sellerId));
    }

    /** The stored knowledge vectors of the seller, by text key; empty where nothing embeds the knowledge (offline). */
    default Map<String, byte[]> vectors(String sellerId) {
        return Map.of();
    }

    /** Stores new vectors and forgets those of texts no entry has any more. */
    default void saveVectors(String sellerId, Map<String, byte[]> added, Set<String> removed) {
        throw new UnsupportedOperationException("this knowledge store keeps no vectors");
    }
}
