package app.go.adapter.offline;

import app.go.domain.assistant.AssistantPhrases;
import app.go.domain.assistant.HandoffCueClassifier;
import app.go.domain.assistant.HandoffReason;
import app.go.domain.assistant.NormalizedText;
import app.go.domain.assistant.PromptBuilder;
import app.go.domain.safety.OffPlatformDetector;
import app.go.domain.safety.ReplyPolicy;
import app.go.domain.assistant.Requirement;
import app.go.domain.assistant.Requirements;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.ToneProfile;
import app.go.domain.port.AssistantTurn;
import app.go.domain.port.AssistantTurn.Intent;
import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModel;
import app.go.domain.port.Prompt;
import app.go.domain.port.ReplyContext;
import app.go.domain.seller.SellerService;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deterministic model for running without a network, working from the structured context (never
 * from prompt text): it recognises what the client asks by meaning ({@link Understanding}), answers
 * that question only, from the seller's packages and knowledge, in the client's language (phrases
 * and number formats of that language), gathers the requirements over the conversation (asking only
 * for what is still missing, greeting only in its first reply), and hands over for the reasons the
 * client's words give and the seller's settings act on.
 */
public final class OfflineLanguageModel implements LanguageModel {
    private final Understanding understanding = Understanding.STANDARD;
    private final HandoffCueClassifier cues = HandoffCueClassifier.standard();
    private final RequirementsReader requirementsReader = new RequirementsReader(understanding);
    private final PackageAnswers packages = new PackageAnswers(understanding);
    private final LexicalKnowledgeRanker ranker = new LexicalKnowledgeRanker(understanding);

    @Override
    public AssistantTurn respond(ReplyContext context) {
        String language = AssistantPhrases.primary(context.languageHint());
        String seller = context.profile().displayName();
        Map<String, String> names = Map.of("seller", seller);
        Voice voice = new Voice(language, context.tone());
        NormalizedText text = NormalizedText.of(context.clientText());
        RequirementsReader.Read read = requirementsReader.read(context.earlierClientTexts(), context.clientText());
        Requirements requirements = Requirements.of(read.gathered());

        Set<HandoffReason> reasons = EnumSet.noneOf(HandoffReason.class);
        reasons.addAll(cues.reasons(context.clientText(), seller));
        Set<HandoffReason> named = EnumSet.copyOf(reasons.isEmpty() ? EnumSet.noneOf(HandoffReason.class) : reasons);
        reasons.retainAll(context.handoffReasons());
        if (reasons.isEmpty() && !named.isEmpty()) {
            // the seller's settings do not act on these: the code above the model declines them (PA-BEH-6 not forwarded)
            return turn(context, List.of(voice.phrase("notForwarded", names)), language, Intent.HAND_OVER, named, requirements);
        }
        List<String> parts = new ArrayList<>();
        if (context.firstReply()) {
            parts.add(voice.greeting());
        }
        if (!reasons.isEmpty()) {
            parts.add(voice.phrase("handover", names));
            return turn(context, parts, language, Intent.HAND_OVER, reasons, requirements);
        }
        Set<String> topics = understanding.topics.present(text, (s, t) -> false);
        if (movesOffPlatform(context.clientText(), text, topics)) {
            parts.add(voice.phrase("offPlatform", names));
            return turn(context, parts, language, Intent.ANSWER, Set.of(), requirements);
        }
        List<String> facts = facts(context, text, topics, language);
        boolean describesProject = read.newInThisMessage().contains(Requirement.WHAT)
                || (read.gathered().containsKey(Requirement.WHAT) && !read.newInThisMessage().isEmpty());
        if (!context.firstReply() && !read.newInThisMessage().isEmpty()) {
            parts.add(voice.phrase("ack", names));
        }
        parts.addAll(facts);
        Intent intent;
        if (describesProject && !requirements.missing().isEmpty()) {
            parts.add(askFor(requirements.missing(), voice, names));
            intent = Intent.GATHER_REQUIREMENTS;
        } else if (!facts.isEmpty()) {
            if (context.firstReply()) {
                parts.add(askFor(requirements.missing(), voice, names)); // PA-BEH-1: invited once, never repeated
            }
            intent = Intent.ANSWER;
        } else if (topics.contains("chat") || describesProject) {
            parts.add(voice.phrase("chat", Map.of("seller", seller, "list", serviceTitles(context))));
            intent = Intent.ANSWER;
        } else if (looksLikeQuestion(context.clientText())) {
            parts.add(voice.phrase("unknown", names));
            intent = Intent.CANNOT_ANSWER;
        } else {
            parts.add(askFor(requirements.missing(), voice, names));
            intent = Intent.GATHER_REQUIREMENTS;
        }
        return turn(context, parts, language, intent, Set.of(), requirements);
    }

    /** The facts the client asked for: package facts, the best knowledge entry, or the list of services. */
    private List<String> facts(ReplyContext context, NormalizedText text, Set<String> topics, String language) {
        List<String> facts = new ArrayList<>();
        List<LexicalKnowledgeRanker.Scored> ranked = ranker.rank(context.clientText(), answerable(context.knowledge()),
                packages.servicesAbout(context, text));
        boolean strongKnowledge = !ranked.isEmpty() && ranked.get(0).conceptHits() > 0;
        boolean knowledgeByWords = !ranked.isEmpty() && ranked.get(0).score() >= 2.5
                && ranked.get(0).entry().source() == KnowledgeEntry.Source.SELLER;
        if (strongKnowledge || (knowledgeByWords && !packages.asksAboutPackages(text, topics))) {
            facts.add(AssistantPhrases.text(language, "faq", Map.of("answer", sentence(ranked.get(0).entry().asQuestionAndAnswer().answer()))));
        }
        if (packages.asksAboutPackages(text, topics) && (!strongKnowledge || packages.explicit(text, topics))) {
            facts.addAll(packages.answer(context, text, topics, language));
        }
        if (facts.isEmpty() && topics.contains("services")) {
            facts.add(AssistantPhrases.text(language, "services",
                    Map.of("seller", context.profile().displayName(), "list", serviceTitles(context))));
        }
        return facts;
    }

    /**
     * The client tries to move contact or payment off the marketplace: what the domain's detector
     * finds (contact data, a channel asked for, a payment route), an off-platform payment in the
     * client's words, or a messenger named without a design around it (a tattoo of the WhatsApp logo is a subject).
     */
    private boolean movesOffPlatform(String raw, NormalizedText text, Set<String> topics) {
        if (OffPlatformDetector.detect(raw).isPresent() || topics.contains("offPayment") || topics.contains("contactAsk")) {
            return true;
        }
        boolean aboutADesign = understanding.serviceKinds.concepts().stream().anyMatch(kind -> understanding.serviceKinds.has(kind, text))
                || !understanding.lexicon.present(text, (s, t) -> false).isEmpty()
                || !understanding.tiers.present(text, (s, t) -> false).isEmpty();
        return topics.contains("channel") && !aboutADesign;
    }

    /** Package entries are answered from the packages themselves; entries that offer anything are never said (PA-FAQ-3). */
    private static List<KnowledgeEntry> answerable(List<KnowledgeEntry> knowledge) {
        return knowledge.stream().filter(e -> !e.id().contains("-package-"))
                .filter(e -> !ReplyPolicy.offers(e.asQuestionAndAnswer().answer())).toList();
    }

    private static String askFor(Set<Requirement> missing, Voice voice, Map<String, String> names) {
        List<String> items = new ArrayList<>();
        for (Requirement requirement : missing) {
            items.add(voice.phrase(requirement.key(), Map.of()));
        }
        String joined = items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " " + voice.phrase("and", Map.of()) + " " + items.get(items.size() - 1);
        return voice.phrase("askIntro", Map.of("seller", names.get("seller"), "items", joined));
    }

    private static String serviceTitles(ReplyContext context) {
        return String.join(", ", context.services().stream().map(s -> "\"" + s.title() + "\"").toList());
    }

    private static boolean looksLikeQuestion(String text) {
        return text.contains("?") || text.contains("？") || text.contains("؟");
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.matches("(?s).*[.!?。！？]$") ? stripped : stripped + ".";
    }

    private static AssistantTurn turn(ReplyContext context, List<String> parts, String language, Intent intent,
                                      Set<HandoffReason> reasons, Requirements requirements) {
        String reply = String.join(" ", parts);
        int input = words(PromptBuilder.build(context));
        return new AssistantTurn(reply, language, context.languageHintConfidence(), intent, reasons, requirements, false,
                new Completion.TokenUsage(input, words(reply)));
    }

    /** Any task that is not a client turn is a summary: the client's own lines, shortened, oldest first. */
    @Override
    public Completion complete(Prompt prompt) {
        List<String> clientLines = prompt.turns().stream()
                .filter(t -> t.role() == Prompt.Role.USER && t.text().startsWith("Client: "))
                .map(t -> t.text().substring("Client: ".length()).strip())
                .map(t -> t.length() > 200 ? t.substring(0, 200) + "…" : t)
                .toList();
        String summary = clientLines.isEmpty() ? "The client has not said what they need yet."
                : "The client wrote: " + String.join(" / ", clientLines) + " They are waiting for the seller's answer.";
        return new Completion(summary, "end_turn", new Completion.TokenUsage(words(prompt), words(summary)));
    }

    private static int words(Prompt prompt) {
        return words(prompt.system()) + prompt.turns().stream().mapToInt(t -> words(t.text())).sum();
    }

    private static int words(String text) {
        return text == null || text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    /** The assistant's phrases in the seller's tone (PA-SRC-3): their greeting word, informality, emoji. */
    private record Voice(String language, ToneProfile tone) {
        String phrase(String key, Map<String, String> values) {
            return AssistantPhrases.text(language, key, values, tone.formality() == ToneProfile.Formality.INFORMAL);
        }

        String greeting() {
            String greeting = phrase("greeting", Map.of());
            int comma = greeting.indexOf(',');
            if (tone.greeting() != null && language.equals(tone.greetingLanguage()) && comma > 0) {
                greeting = tone.greeting() + greeting.substring(comma);
            }
            return tone.emoji() ? greeting + " 🙂" : greeting;
        }
    }
}
