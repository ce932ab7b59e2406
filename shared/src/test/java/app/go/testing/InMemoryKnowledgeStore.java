package app.go.testing;

import app.go.domain.port.KnowledgeStore;
import app.go.domain.knowledge.SavedKnowledge;
import app.go.domain.knowledge.SellerReply;
import app.go.domain.knowledge.ToneProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** KnowledgeStore in memory, for rule tests. */
public class InMemoryKnowledgeStore implements KnowledgeStore {
    private final Map<String, SavedKnowledge> saved = new ConcurrentHashMap<>();
    private final Map<String, Map<String, SellerReply>> replies = new ConcurrentHashMap<>();
    private final Map<String, ToneProfile> tones = new ConcurrentHashMap<>();
    private final Map<String, Map<String, byte[]>> vectors = new ConcurrentHashMap<>();

    @Override
    public Map<String, byte[]> vectors(String sellerId) {
        return Map.copyOf(vectors.getOrDefault(sellerId, Map.of()));
    }

    @Override
    public void saveVectors(String sellerId, Map<String, byte[]> added, java.util.Set<String> removed) {
        Map<String, byte[]> mine = vectors.computeIfAbsent(sellerId, k -> new ConcurrentHashMap<>());
        removed.forEach(mine::remove);
        mine.putAll(added);
    }

    @Override
    public Optional<SavedKnowledge> saved(String sellerId) {
        return Optional.ofNullable(saved.get(sellerId));
    }

    @Override
    public void save(String sellerId, SavedKnowledge knowledge) {
        saved.put(sellerId, knowledge);
    }

    @Override
    public void deleteSaved(String sellerId) {
        saved.remove(sellerId);
    }

    @Override
    public void recordSellerReply(String sellerId, SellerReply reply) {
        replies.computeIfAbsent(sellerId, k -> new ConcurrentHashMap<>()).put(reply.messageId(), reply);
    }

    @Override
    public List<SellerReply> sellerReplies(String sellerId, int limit) {
        return new ArrayList<>(replies.getOrDefault(sellerId, Map.of()).values()).stream()
                .sorted(Comparator.comparing(SellerReply::at).reversed()).limit(limit).toList();
    }

    private final Map<String, Map<String, app.go.domain.knowledge.UnansweredQuestion>> unanswered = new ConcurrentHashMap<>();

    @Override
    public void recordUnanswered(String sellerId, app.go.domain.knowledge.UnansweredQuestion question) {
        unanswered.computeIfAbsent(sellerId, k -> new ConcurrentHashMap<>()).put(question.messageId(), question);
    }

    @Override
    public List<app.go.domain.knowledge.UnansweredQuestion> unanswered(String sellerId, int limit) {
        return new ArrayList<>(unanswered.getOrDefault(sellerId, Map.of()).values()).stream()
                .sorted(Comparator.comparing(app.go.domain.knowledge.UnansweredQuestion::at).reversed()).limit(limit).toList();
    }

    @Override
    public Optional<ToneProfile> tone(String sellerId) {
        return Optional.ofNullable(tones.get(sellerId));
    }

    @Override
    public void saveTone(String sellerId, ToneProfile tone) {
        tones.put(sellerId, tone);
    }
}
