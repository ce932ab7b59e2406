package app.go.domain.knowledge;

import app.go.domain.knowledge.KnowledgeEntry.Scope;
import app.go.domain.knowledge.KnowledgeEntry.Source;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PA-KB-1 / PA-SRC-1: the default entries, generated from the profile (description, skills,
 * languages) and each service (title, description, packages with price, delivery and revisions,
 * FAQ), with e-mail addresses and phone numbers removed (DATA-1). Ids are stable, so a saved
 * knowledge base can refer to a generated entry and always see its current text.
 */
public final class KnowledgeGenerator {
    private KnowledgeGenerator() {}

    public static List<KnowledgeEntry> generate(SellerProfile profile, List<SellerService> services) {
        List<KnowledgeEntry> entries = new ArrayList<>();
        if (profile != null) {
            if (profile.description() != null && !profile.description().isBlank()) {
                entries.add(general("gen-profile-about", "Who are you and what do you do?",
                        "About " + profile.displayName() + ": " + clean(profile.description())));
            }
            if (!profile.skills().isEmpty()) {
                entries.add(general("gen-profile-skills", "What are your skills?", "Skills: " + clean(String.join(", ", profile.skills()))));
            }
            if (!profile.languages().isEmpty()) {
                entries.add(general("gen-profile-languages", "Which languages do you speak?",
                        "Languages: " + clean(String.join(", ", profile.languages()))));
            }
        }
        for (SellerService service : services) {
            String title = clean(service.title());
            String prefix = "gen-" + service.serviceId() + "-";
            String description = clean(service.description());
            entries.add(about(service, prefix + "about", "What is the service \"" + title + "\"?",
                    "Service \"" + title + "\"" + (description.isEmpty() ? "." : ": " + description)));
            for (int i = 0; i < service.packages().size(); i++) {
                SellerService.ServicePackage p = service.packages().get(i);
                entries.add(about(service, prefix + "package-" + i,
                        "What does the " + clean(p.name()) + " package of \"" + title + "\" cost and include?",
                        "Package " + clean(p.name()) + " of \"" + title + "\": " + money(p.priceCents()) + ", delivery in "
                                + p.deliveryDays() + " days, " + p.revisions() + " revisions"
                                + (p.description() == null ? "" : ", " + clean(p.description()))));
            }
            for (int i = 0; i < service.faq().size(); i++) {
                SellerService.Faq faq = service.faq().get(i);
                entries.add(about(service, prefix + "faq-" + i, clean(faq.question()), clean(faq.answer())));
            }
        }
        return entries;
    }

    public static String money(long cents) {
        return String.format(Locale.ROOT, "$%d.%02d", cents / 100, cents % 100);
    }

    private static KnowledgeEntry general(String id, String question, String answer) {
        return new KnowledgeEntry(id, Scope.GENERAL, null, cap(question, KnowledgeEntry.MAX_QUESTION_LENGTH),
                cap(answer, KnowledgeEntry.MAX_ANSWER_LENGTH), Source.GENERATED);
    }

    private static KnowledgeEntry about(SellerService service, String id, String question, String answer) {
        return new KnowledgeEntry(id, Scope.SERVICE, service.serviceId(), cap(question, KnowledgeEntry.MAX_QUESTION_LENGTH),
                cap(answer, KnowledgeEntry.MAX_ANSWER_LENGTH), Source.GENERATED);
    }

    static String clean(String text) {
        return text == null ? "" : PersonalData.strip(text.replaceAll("\\s+", " ").strip());
    }

    private static String cap(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
