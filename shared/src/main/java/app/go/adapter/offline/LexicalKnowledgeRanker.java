package app.go.adapter.offline;

import app.go.domain.assistant.NormalizedText;
import app.go.domain.knowledge.KnowledgeEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks knowledge entries for a client's message without a network, by meaning-preserving variants
 * rather than exact words: the concepts of the shared lexicon (the same concept in any language,
 * "colour" / "Farbe" / "颜色"), weighted heavily when they are in the entry's question, plus a
 * BM25 score over normalized, prefix-stemmed words.
 */
final class LexicalKnowledgeRanker {
    /** An entry with its score; {@code conceptHits} counts lexicon concepts the question and the entry's question share. */
    record Scored(KnowledgeEntry entry, double score, int conceptHits) {}

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final int STEM = 5;
    private static final Set<String> STOP = Set.of("what", "which", "when", "where", "does", "your", "have", "with", "this",
            "that", "they", "them", "will", "would", "could", "should", "about", "from", "into", "also", "just", "like",
            "want", "need", "please", "hello", "thanks", "there", "some", "para", "como", "pour", "avec", "dans", "mit",
            "eine", "einen", "oder", "und", "auch", "ihr", "kann", "können", "puedes", "quiero", "voulez", "vous");

    private final Understanding understanding;
    /** The lexicon concepts of an entry's question or answer: entries repeat on every message, the query does not. */
    private final app.go.support.memo.BoundedMemo<String, Set<String>> entryConcepts;

    LexicalKnowledgeRanker(Understanding understanding) {
        this.understanding = understanding;
        this.entryConcepts = new app.go.support.memo.BoundedMemo<>(20_000,
                text -> Set.copyOf(understanding.lexicon.present(NormalizedText.of(text), (s, t) -> false)));
    }

    /** Entries about one of {@code services} (or general ones) win a tie over entries about another service. */
    List<Scored> rank(String query, List<KnowledgeEntry> entries, java.util.Collection<String> services) {
        NormalizedText q = NormalizedText.of(query);
        Set<String> queryConcepts = understanding.lexicon.present(q, (s, t) -> false);
        List<String> queryTerms = terms(q.text());
        List<List<String>> docs = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (KnowledgeEntry entry : entries) {
            KnowledgeEntry qa = entry.asQuestionAndAnswer();
            List<String> doc = terms(NormalizedText.normalize(qa.question() + " " + qa.question() + " " + qa.answer()));
            docs.add(doc);
            new HashSet<>(doc).forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        }
        double averageLength = docs.stream().mapToInt(List::size).average().orElse(1);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            KnowledgeEntry qa = entries.get(i).asQuestionAndAnswer();
            Set<String> questionConcepts = entryConcepts.get(qa.question());
            Set<String> answerConcepts = entryConcepts.get(qa.answer());
            int hits = 0;
            double score = 0;
            for (String concept : queryConcepts) {
                if (questionConcepts.contains(concept)) {
                    hits++;
                    score += 3;
                } else if (answerConcepts.contains(concept)) {
                    score += 1;
                }
            }
            score += bm25(queryTerms, docs.get(i), documentFrequency, entries.size(), averageLength);
            if (score > 0 && (qa.serviceId() == null || services.contains(qa.serviceId()))) {
                score += 1;
            }
            if (score > 0) {
                scored.add(new Scored(entries.get(i), score, hits));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return scored;
    }

    private static double bm25(List<String> query, List<String> doc, Map<String, Integer> df, int n, double averageLength) {
        Map<String, Integer> frequency = new HashMap<>();
        doc.forEach(t -> frequency.merge(t, 1, Integer::sum));
        double score = 0;
        for (String term : new HashSet<>(query)) {
            Integer tf = frequency.get(term);
            if (tf == null) {
                continue;
            }
            double idf = Math.log(1 + (n - df.get(term) + 0.5) / (df.get(term) + 0.5));
            score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc.size() / averageLength));
        }
        return score;
    }

    /** Words of four or more letters, not stop words, cut to a common stem ("weekends" and "weekend" meet). */
    static List<String> terms(String normalized) {
        List<String> terms = new ArrayList<>();
        for (String word : normalized.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 4 && !STOP.contains(word)) {
                terms.add(word.length() > STEM ? word.substring(0, STEM) : word);
            }
        }
        return terms;
    }
}
