package app.go.domain.port;

import app.go.domain.knowledge.SavedKnowledge;
import app.go.domain.knowledge.SellerReply;
import app.go.domain.knowledge.ToneProfile;

import java.util.List;
import java.util.Optional;

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
}
