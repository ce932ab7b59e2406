package app.go.domain.knowledge;

import app.go.domain.knowledge.KnowledgeEntry.Scope;
import app.go.domain.knowledge.KnowledgeEntry.Source;
import app.go.domain.knowledge.KnowledgeService.Draft;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.support.errors.DomainException;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryKnowledgeStore;
import app.go.testing.InMemorySellerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeServiceTest {
    private static final String SELLER = "s-1";

    private final AdjustableClock clock = AdjustableClock.systemUtc();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
    private final KnowledgeService knowledge = new KnowledgeService(sellers, store, clock);

    @BeforeEach
    void seller() {
        clock.set(Instant.parse("2026-03-08T10:00:00Z"));
        sellers.saveProfile(SELLER, new SellerProfile("Ada", "Logo designer, ten years", List.of("logos", "branding"), List.of("English", "German")));
        sellers.saveService(SELLER, logoService(5000));
    }

    private static SellerService logoService(long basicPrice) {
        return new SellerService("logo", "Logo design", "Modern logos", "LOGO",
                List.of(new SellerService.ServicePackage("Basic", basicPrice, 3, 1, null),
                        new SellerService.ServicePackage("Premium", 15000, 5, 3, "with brand guide")),
                List.of(new SellerService.Faq("Do you provide source files?", "Yes, AI and SVG.")));
    }

    private static Draft draft(KnowledgeEntry e) {
        return new Draft(e.id(), e.scope(), e.serviceId(), e.question(), e.answer());
    }

    private List<Draft> current() {
        return new ArrayList<>(knowledge.view(SELLER).entries().stream().map(KnowledgeServiceTest::draft).toList());
    }

    private static KnowledgeEntry byId(List<KnowledgeEntry> entries, String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " in " + entries));
    }

    @Test
    @DisplayName("PA-KB-1 / PA-SRC-1 the defaults are generated: general entries from the profile, service entries from title, description, packages (price, delivery, revisions) and FAQ")
    void defaultsAreGenerated() {
        List<KnowledgeEntry> entries = knowledge.view(SELLER).entries();
        assertTrue(entries.stream().allMatch(e -> e.source() == Source.GENERATED));
        assertEquals(Scope.GENERAL, byId(entries, "gen-profile-skills").scope());
        assertTrue(byId(entries, "gen-profile-about").answer().contains("Logo designer"));
        assertTrue(byId(entries, "gen-profile-languages").answer().contains("German"));
        KnowledgeEntry basic = byId(entries, "gen-logo-package-0");
        assertEquals(Scope.SERVICE, basic.scope());
        assertEquals("logo", basic.serviceId());
        assertTrue(basic.answer().contains("$50.00") && basic.answer().contains("3 days") && basic.answer().contains("1 revisions"), basic.answer());
        assertTrue(byId(entries, "gen-logo-package-1").answer().contains("with brand guide"));
        assertEquals("Do you provide source files?", byId(entries, "gen-logo-faq-0").question());
        assertTrue(byId(entries, "gen-logo-about").answer().contains("Modern logos"));
    }

    @Test
    @DisplayName("PA-SRC-1 / DATA-1 e-mail addresses and phone numbers typed into the profile or services never reach the knowledge base, and no sentence is cut mid-way")
    void personalDataIsStripped() {
        sellers.saveProfile(SELLER, new SellerProfile("Ada", "Write to ada.l@example.com or call +49 30 1234 5678 for logos",
                List.of("logos"), List.of()));
        sellers.saveService(SELLER, new SellerService("logo", "Logo design", "Questions? mail me: ada@mail.example.org, tel (030) 123-45678", "LOGO",
                List.of(new SellerService.ServicePackage("Basic", 5000, 3, 1, null)),
                List.of(new SellerService.Faq("How to reach you?", "Phone 0151 23456789, e-mail hi@ada.example"))));
        String all = knowledge.view(SELLER).entries().toString();
        for (String secret : List.of("ada.l@example.com", "1234 5678", "ada@mail.example.org", "123-45678", "0151 23456789", "hi@ada.example", "@")) {
            assertFalse(all.contains(secret), secret + " leaked: " + all);
        }
        // issue 8: a sentence with contact data is left out whole; it used to be cut into "Write to or call for logos"
        assertFalse(all.contains("Write to") || all.contains(" or call"), "no sentence is cut mid-way: " + all);
        assertTrue(all.contains("Skills: logos"), all);
        assertTrue(all.contains("$50.00"), "prices are not phone numbers: " + all);
    }

    @Test
    @DisplayName("PA-KB-2 save changes: the saved entries are the knowledge base; restore defaults puts back the generated entries")
    void saveAndRestoreDefaults() {
        List<Draft> drafts = current();
        drafts.add(new Draft(null, Scope.GENERAL, null, "Do you work on weekends?", "Yes, Saturdays too."));
        KnowledgeService.View saved = knowledge.save(SELLER, drafts);
        KnowledgeEntry weekend = saved.entries().stream().filter(e -> e.question().equals("Do you work on weekends?")).findFirst().orElseThrow();
        assertEquals(Source.SELLER, weekend.source());
        assertTrue(weekend.id().startsWith("kb-"));
        assertEquals(saved.entries(), knowledge.entries(SELLER, sellers.profile(SELLER).orElseThrow(), sellers.services(SELLER)));

        List<KnowledgeEntry> restored = knowledge.restoreDefaults(SELLER).entries();
        assertEquals(KnowledgeGenerator.generate(sellers.profile(SELLER).orElseThrow(), sellers.services(SELLER)), restored);
    }

    @Test
    @DisplayName("PA-KB-3 an edit wins over the generated entry: same id edited becomes the seller's, and a seller entry on the same question hides the generated one")
    void editsWinOverGenerated() {
        List<Draft> drafts = current();
        drafts.replaceAll(d -> d.id().equals("gen-logo-faq-0")
                ? new Draft(d.id(), d.scope(), d.serviceId(), d.question(), "Yes: AI, SVG and PDF.") : d);
        drafts.add(new Draft(null, Scope.GENERAL, null, "what are your SKILLS", "Logos, icons and mascots."));
        List<KnowledgeEntry> entries = knowledge.save(SELLER, drafts).entries();
        KnowledgeEntry faq = byId(entries, "gen-logo-faq-0");
        assertEquals(Source.SELLER, faq.source());
        assertEquals("Yes: AI, SVG and PDF.", faq.answer());
        assertTrue(entries.stream().noneMatch(e -> e.id().equals("gen-profile-skills")), "the generated skills entry is hidden");
        assertEquals(Source.GENERATED, byId(entries, "gen-logo-package-0").source(), "unchanged entries stay generated");
    }

    @Test
    @DisplayName("PA-KB-1 saved generated entries follow their source: a new price shows at once, a removed entry stays removed, a new service's entries appear")
    void savedKnowledgeFollowsTheSources() {
        List<Draft> drafts = current();
        drafts.removeIf(d -> d.id().equals("gen-profile-languages"));
        knowledge.save(SELLER, drafts);
        sellers.saveService(SELLER, logoService(6500));
        sellers.saveService(SELLER, new SellerService("icons", "Icon set", null, null,
                List.of(new SellerService.ServicePackage("Basic", 3000, 2, 1, null)), List.of()));
        List<KnowledgeEntry> entries = knowledge.view(SELLER).entries();
        assertTrue(byId(entries, "gen-logo-package-0").answer().contains("$65.00"));
        assertTrue(entries.stream().noneMatch(e -> e.id().equals("gen-profile-languages")));
        assertTrue(byId(entries, "gen-icons-package-0").answer().contains("$30.00"));
    }

    @Test
    @DisplayName("PA-KB-3 a seller's manual reply becomes a suggested entry; saving it accepts it and it is no longer suggested")
    void sellerRepliesBecomeSuggestions() {
        knowledge.recordSellerReply(SELLER, new SellerReply("c-1", "m-1", "logo", "Can you do a 3D logo?",
                "Yes, 3D logos take two extra days.", clock.instant()));
        KnowledgeEntry suggestion = knowledge.view(SELLER).suggestions().get(0);
        assertEquals("sug-m-1", suggestion.id());
        assertEquals(Scope.SERVICE, suggestion.scope());
        assertEquals("Can you do a 3D logo?", suggestion.question());
        assertEquals(Source.SELLER, suggestion.source());

        List<Draft> drafts = current();
        drafts.add(draft(suggestion));
        KnowledgeService.View accepted = knowledge.save(SELLER, drafts);
        assertEquals(Source.SELLER, byId(accepted.entries(), "sug-m-1").source());
        assertTrue(accepted.suggestions().isEmpty());
    }

    @Test
    @DisplayName("PA-FAQ-1 the knowledge base can be saved again and again; each save is what the assistant uses")
    void retrainAsOftenAsNeeded() {
        for (int i = 0; i < 25; i++) {
            List<Draft> drafts = current();
            drafts.removeIf(d -> d.question().equals("Rush orders?"));
            drafts.add(new Draft("kb-rush", Scope.GENERAL, null, "Rush orders?", "Rush in " + (i + 1) + " days."));
            knowledge.save(SELLER, drafts);
            assertEquals("Rush in " + (i + 1) + " days.", byId(knowledge.view(SELLER).entries(), "kb-rush").answer());
        }
    }

    @Test
    @DisplayName("PA-KB-2 invalid entries are refused with VALIDATION_FAILED naming the field: unknown service, duplicate id, blank answer, too many entries")
    void validation() {
        DomainException unknownService = assertThrows(DomainException.class, () -> knowledge.save(SELLER,
                List.of(new Draft(null, Scope.SERVICE, "not-mine", "Q?", "A."))));
        assertEquals("VALIDATION_FAILED", unknownService.code());
        assertTrue(unknownService.getMessage().contains("entries[0].serviceId"));
        DomainException duplicate = assertThrows(DomainException.class, () -> knowledge.save(SELLER,
                List.of(new Draft("x", Scope.GENERAL, null, "Q?", "A."), new Draft("x", Scope.GENERAL, null, "Q2?", "A2."))));
        assertTrue(duplicate.getMessage().contains("entries[1].id"));
        DomainException blank = assertThrows(DomainException.class, () -> knowledge.save(SELLER,
                List.of(new Draft(null, Scope.GENERAL, null, "Q?", "  "))));
        assertTrue(blank.getMessage().contains("entries[0].answer"));
        List<Draft> tooMany = IntStream.range(0, KnowledgeService.MAX_ENTRIES + 1)
                .mapToObj(i -> new Draft(null, Scope.GENERAL, null, "Q" + i, "A")).toList();
        assertEquals("VALIDATION_FAILED", assertThrows(DomainException.class, () -> knowledge.save(SELLER, tooMany)).code());
    }

    @Test
    @DisplayName("PA-KB-4 an entry written as \"whenever someone asks X, answer Y\" reads as question X with answer Y")
    void instructionEntries() {
        KnowledgeEntry entry = new KnowledgeEntry("kb-1", Scope.GENERAL, null, "Rule",
                "Whenever someone asks about rush delivery, answer: \"Rush delivery takes 24 hours.\"", Source.SELLER);
        KnowledgeEntry qa = entry.asQuestionAndAnswer();
        assertEquals("rush delivery", qa.question());
        assertEquals("Rush delivery takes 24 hours.", qa.answer());
        KnowledgeEntry plain = new KnowledgeEntry("kb-2", Scope.GENERAL, null, "Do you work on weekends?", "Yes.", Source.SELLER);
        assertEquals(plain, plain.asQuestionAndAnswer());
    }
}
