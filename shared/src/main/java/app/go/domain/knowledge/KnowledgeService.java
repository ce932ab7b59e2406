package app.go.domain.knowledge;

import app.go.domain.port.KnowledgeStore;

import app.go.domain.knowledge.KnowledgeEntry.Scope;
import app.go.domain.knowledge.KnowledgeEntry.Source;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.domain.port.SellerStore;
import app.go.domain.safety.KnowledgeScreening;
import app.go.support.errors.DomainException;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The seller's knowledge base (PA-KB-1..4): the generated defaults, the seller's saved entries
 * (which win over generated entries on the same question), restoring the defaults, suggestions
 * from the seller's own replies, and the seller's tone. Saving takes effect with the next reply:
 * nothing is cached (PA-KB-2). Entries are data only; no entry can change a rule (PA-KB-5).
 */
public final class KnowledgeService {
    public static final int MAX_ENTRIES = 200;
    /** Keeps the saved knowledge base one DynamoDB item (400 KB) whatever the script. */
    public static final int MAX_TOTAL_CHARACTERS = 120_000;
    public static final int MAX_SUGGESTIONS = 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");
    private static final Log LOG = Log.get(KnowledgeService.class);

    /** An entry as the seller sends it; {@code id} is null for a new entry. */
    public record Draft(String id, Scope scope, String serviceId, String question, String answer) {}

    /**
     * What the seller sees: the entries the assistant answers from, suggested entries to accept, and
     * after a save what became of each sent entry (PA-SAFE-2).
     */
    public record View(List<KnowledgeEntry> entries, List<KnowledgeEntry> suggestions, List<Finding> findings,
                       Map<String, String> suggestionSources) {
        public View(List<KnowledgeEntry> entries, List<KnowledgeEntry> suggestions, List<Finding> findings) {
            this(entries, suggestions, findings, Map.of());
        }

        public View(List<KnowledgeEntry> entries, List<KnowledgeEntry> suggestions) {
            this(entries, suggestions, List.of());
        }
    }

    /** PA-SAFE-2: one sent entry, {@code ACCEPTED} or {@code REJECTED} with a stable code and a reason the seller can act on. */
    public record Finding(int index, String id, Status status, String code, String reason) {
        public enum Status { ACCEPTED, REJECTED }
    }

    private final SellerStore sellers;
    private final KnowledgeStore store;
    private final Clock clock;
    /** Null where nothing embeds the knowledge (offline: the lexical ranker needs no vectors). */
    private final KnowledgeIndex index;

    public KnowledgeService(SellerStore sellers, KnowledgeStore store, Clock clock) {
        this(sellers, store, clock, null);
    }

    public KnowledgeService(SellerStore sellers, KnowledgeStore store, Clock clock, KnowledgeIndex index) {
        this.sellers = sellers;
        this.store = store;
        this.clock = clock;
        this.index = index;
    }

    /** The saved knowledge and its vectors, as one read where the store allows. */
    public KnowledgeStore.Snapshot snapshot(String sellerId) {
        return store.snapshot(sellerId);
    }

    /**
     * Issue 7: embeds the texts of the knowledge the assistant answers from that have no vector yet;
     * run after every change of the knowledge, the profile or a service. A failure is logged, not
     * thrown: the change is stored, and the retriever embeds a missing vector when it meets it.
     */
    public void reindex(String sellerId) {
        if (index == null) {
            return;
        }
        try {
            index.update(sellerId, entries(sellerId, profile(sellerId), sellers.services(sellerId)));
        } catch (RuntimeException e) {
            LOG.warn("knowledge vectors not updated; the next reply embeds what is missing", "sellerId", sellerId,
                    "error", e.getClass().getSimpleName());
        }
    }

    public View view(String sellerId) {
        List<KnowledgeEntry> entries = entries(sellerId, profile(sellerId), sellers.services(sellerId));
        Map<String, String> sources = new LinkedHashMap<>();
        List<KnowledgeEntry> suggestions = suggestions(sellerId, entries, sources);
        return new View(entries, suggestions, List.of(), sources);
    }

    /** The entries the assistant answers from, given the sources it already read. */
    public List<KnowledgeEntry> entries(String sellerId, SellerProfile profile, List<SellerService> services) {
        return merge(KnowledgeGenerator.generate(profile, services), store.saved(sellerId));
    }

    /** PA-KB-2 "save changes"; PA-FAQ-1: as often as the seller likes. */
    public View save(String sellerId, List<Draft> drafts) {
        if (drafts.size() > MAX_ENTRIES) {
            throw DomainException.validation("entries must be a list of at most " + MAX_ENTRIES + " objects");
        }
        List<SellerService> services = sellers.services(sellerId);
        Set<String> serviceIds = services.stream().map(SellerService::serviceId).collect(Collectors.toSet());
        Map<String, KnowledgeEntry> generated = byId(KnowledgeGenerator.generate(profile(sellerId), services));
        Set<Long> packagePrices = services.stream().flatMap(s -> s.packages().stream())
                .map(SellerService.ServicePackage::priceCents).collect(Collectors.toSet());
        List<KnowledgeEntry> entries = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int characters = 0;
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            String field = "entries[" + i + "].";
            String id = draft.id() == null ? "kb-" + UUID.randomUUID() : draft.id();
            if (!ID.matcher(id).matches()) {
                throw DomainException.validation(field + "id must be 1-200 letters, digits, '_', '.', ':' or '-'");
            }
            if (!ids.add(id)) {
                throw DomainException.validation(field + "id is used by another entry");
            }
            Scope scope = draft.scope() == null ? Scope.GENERAL : draft.scope();
            if (scope == Scope.SERVICE && (draft.serviceId() == null || !serviceIds.contains(draft.serviceId()))) {
                throw DomainException.validation(field + "serviceId must be one of your services for a SERVICE entry");
            }
            String question = required(draft.question(), field + "question", KnowledgeEntry.MAX_QUESTION_LENGTH);
            String answer = required(draft.answer(), field + "answer", KnowledgeEntry.MAX_ANSWER_LENGTH);
            characters += question.length() + answer.length();
            KnowledgeEntry candidate = new KnowledgeEntry(id, scope, draft.serviceId(), question, answer, Source.SELLER);
            KnowledgeEntry original = generated.get(id);
            boolean unchanged = original != null && original.scope() == candidate.scope()
                    && original.question().equals(question) && original.answer().equals(answer)
                    && java.util.Objects.equals(original.serviceId(), candidate.serviceId());
            if (unchanged) {
                entries.add(original);
                findings.add(new Finding(i, id, Finding.Status.ACCEPTED, null, null));
                continue;
            }
            // PA-SAFE-2: a refused entry is never stored, so it never reaches a prompt
            Optional<KnowledgeScreening.Refusal> refusal = KnowledgeScreening.screen(question, answer, packagePrices);
            if (refusal.isPresent()) {
                findings.add(new Finding(i, id, Finding.Status.REJECTED, refusal.get().code(),
                        refusal.get().reason() + " (\"" + refusal.get().evidence() + "\")"));
            } else {
                entries.add(candidate);
                findings.add(new Finding(i, id, Finding.Status.ACCEPTED, null, null));
            }
        }
        if (characters > MAX_TOTAL_CHARACTERS) {
            throw DomainException.validation("entries must have at most " + MAX_TOTAL_CHARACTERS + " characters of questions and answers in total");
        }
        store.save(sellerId, new SavedKnowledge(entries, generated.keySet(), clock.instant()));
        LOG.info("knowledge base saved", "sellerId", sellerId, "entries", entries.size(),
                "sellerEntries", entries.stream().filter(e -> e.source() == Source.SELLER).count(),
                "rejected", findings.stream().filter(f -> f.status() == Finding.Status.REJECTED).count());
        reindex(sellerId);
        View saved = view(sellerId);
        return new View(saved.entries(), saved.suggestions(), findings, saved.suggestionSources());
    }

    /** PA-KB-2 "restore defaults": the generated entries come back; suggestions stay. */
    public View restoreDefaults(String sellerId) {
        store.deleteSaved(sellerId);
        LOG.info("knowledge base restored to defaults", "sellerId", sellerId);
        reindex(sellerId);
        return view(sellerId);
    }

    /**
     * PA-KB-3: remembers a seller's manual reply to a client's message, to suggest as an entry, and
     * PA-SRC-3: learns the seller's tone again from their replies within PA-SRC-2's window, so a
     * client's message reads one small item instead of the seller's history.
     */
    public void recordSellerReply(String sellerId, SellerReply reply) {
        store.recordSellerReply(sellerId, reply);
        ToneProfile tone = tone(replies(sellerId));
        store.saveTone(sellerId, tone);
        LOG.info("seller's tone learned", "sellerId", sellerId, "formality", tone.formality().name(),
                "length", tone.length().name(), "emoji", tone.emoji());
    }

    /** PA-KB-3: the questions the assistant could not answer, grouped and counted, most frequent first. */
    public List<UnansweredQuestions.Group> unanswered(String sellerId) {
        return UnansweredQuestions.group(store.unanswered(sellerId, UnansweredQuestions.READ_LIMIT));
    }

    /** PA-SRC-3: the tone last learned from the seller's own replies (none until they have written). */
    public ToneProfile tone(String sellerId) {
        return store.tone(sellerId).orElse(ToneProfile.NONE);
    }

    static ToneProfile tone(List<SellerReply> windowed) {
        return ToneProfile.derive(windowed.stream().map(SellerReply::answer).toList());
    }

    private List<SellerReply> replies(String sellerId) {
        Instant now = clock.instant();
        return ChatHistoryWindow.select(store.sellerReplies(sellerId, ChatHistoryWindow.MAX_INTERACTIONS), SellerReply::at, now);
    }

    /** @param sources filled with each suggestion's source conversation (PA-KB-3) */
    private List<KnowledgeEntry> suggestions(String sellerId, List<KnowledgeEntry> entries, Map<String, String> sources) {
        Set<String> ids = entries.stream().map(KnowledgeEntry::id).collect(Collectors.toSet());
        Set<String> questions = entries.stream().map(KnowledgeEntry::questionKey).collect(Collectors.toSet());
        Set<String> serviceIds = sellers.services(sellerId).stream().map(SellerService::serviceId).collect(Collectors.toSet());
        List<KnowledgeEntry> suggestions = new ArrayList<>();
        for (SellerReply reply : replies(sellerId)) {
            String question = cap(PersonalData.strip(reply.question()), KnowledgeEntry.MAX_QUESTION_LENGTH);
            String answer = cap(PersonalData.strip(reply.answer()), KnowledgeEntry.MAX_ANSWER_LENGTH);
            boolean forService = reply.serviceId() != null && serviceIds.contains(reply.serviceId());
            KnowledgeEntry suggestion = new KnowledgeEntry(suggestionId(reply.messageId()), forService ? Scope.SERVICE : Scope.GENERAL,
                    forService ? reply.serviceId() : null, question, answer, Source.SELLER);
            if (question.isBlank() || answer.isBlank() || ids.contains(suggestion.id()) || !questions.add(suggestion.questionKey())) {
                continue;
            }
            suggestions.add(suggestion);
            sources.put(suggestion.id(), reply.conversationId());
            if (suggestions.size() == MAX_SUGGESTIONS) {
                break;
            }
        }
        return suggestions;
    }

    /** The id a suggestion keeps once the seller accepts it by saving it. */
    public static String suggestionId(String messageId) {
        return "sug-" + messageId;
    }

    /**
     * The knowledge base the assistant uses: the saved entries (generated ones read fresh), generated
     * entries that are new since the save, and no generated entry on a question the seller answered
     * themselves (PA-KB-3).
     */
    public static List<KnowledgeEntry> merge(List<KnowledgeEntry> generated, Optional<SavedKnowledge> saved) {
        if (saved.isEmpty()) {
            return generated;
        }
        Map<String, KnowledgeEntry> current = byId(generated);
        Map<String, KnowledgeEntry> merged = new LinkedHashMap<>();
        for (KnowledgeEntry entry : saved.get().entries()) {
            KnowledgeEntry resolved = entry.source() == Source.GENERATED ? current.get(entry.id()) : entry;
            if (resolved != null) {
                merged.putIfAbsent(resolved.id(), resolved);
            }
        }
        for (KnowledgeEntry entry : generated) {
            if (!saved.get().generatedIdsSeen().contains(entry.id())) {
                merged.putIfAbsent(entry.id(), entry);
            }
        }
        Set<String> answeredBySeller = merged.values().stream().filter(e -> e.source() == Source.SELLER)
                .map(KnowledgeEntry::questionKey).collect(Collectors.toSet());
        return merged.values().stream()
                .filter(e -> e.source() == Source.SELLER || !answeredBySeller.contains(e.questionKey()))
                .toList();
    }

    private SellerProfile profile(String sellerId) {
        return sellers.profile(sellerId).orElse(null);
    }

    private static Map<String, KnowledgeEntry> byId(List<KnowledgeEntry> entries) {
        Map<String, KnowledgeEntry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.id(), e));
        return map;
    }

    private static String required(String text, String field, int max) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw DomainException.validation(field + " is required");
        }
        if (value.length() > max) {
            throw DomainException.validation(field + " must be at most " + max + " characters");
        }
        return value;
    }

    private static String cap(String text, int max) {
        String value = text == null ? "" : text.strip();
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
