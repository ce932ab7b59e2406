package app.go.domain.report;

import app.go.domain.creation.GenerationFixture;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.Message;
import app.go.domain.creation.Generation;
import app.go.domain.report.Report;
import app.go.domain.report.ReportService;
import app.go.support.auth.Caller;
import app.go.support.errors.DomainException;
import app.go.testing.InMemoryConversationStore;
import app.go.testing.InMemoryReportStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static app.go.domain.creation.GenerationFixture.CLIENT;
import static app.go.domain.creation.GenerationFixture.OTHER_CLIENT;
import static app.go.domain.creation.GenerationFixture.SELLER;
import static app.go.domain.creation.GenerationFixture.SELLER_CALLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportServiceTest {
    private final GenerationFixture f = new GenerationFixture();
    private final InMemoryReportStore reports = new InMemoryReportStore();
    private final Conversation conversation = new Conversation("conv-1", SELLER, CLIENT.userId(), null,
            Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:00:00Z"), true, null);
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final ReportService service = new ReportService(reports, f.models, f.store, conversations, f.clock);

    ReportServiceTest() {
        conversations.create(conversation, new Message("m-1", conversation.conversationId(), Author.CLIENT, "hello", null,
                conversation.createdAt()));
    }

    private void notFound(Caller caller, Report.TargetType type, String id) {
        DomainException e = assertThrows(DomainException.class, () -> service.report(caller, type, id, "looks wrong"));
        assertEquals("NOT_FOUND", e.code());
    }

    @Test
    @DisplayName("CM-GEN-7 a client reports a published model, their generation and their conversation; each report is kept under the seller")
    void reportsAreStored() {
        Generation generation = f.readyGeneration(CLIENT, "a comet");
        service.report(CLIENT, Report.TargetType.MODEL, f.model.id(), "copies another artist");
        service.report(CLIENT, Report.TargetType.GENERATION, generation.id(), "broken image");
        Report report = service.report(CLIENT, Report.TargetType.CONVERSATION, "conv-1", "rude");

        assertEquals(3, reports.reports(SELLER).size());
        assertEquals(CLIENT.userId(), report.reporterId());
        assertEquals(SELLER, report.sellerId());
        service.report(SELLER_CALLER, Report.TargetType.MODEL, f.model.id(), "my own model misbehaves");
        assertEquals(4, reports.reports(SELLER).size());
    }

    @Test
    @DisplayName("CM-GEN-7 DATA-2 a target that is unknown or not visible to the reporter is 404, and nothing is stored")
    void invisibleTargetsAreNotFound() {
        Generation generation = f.readyGeneration(CLIENT, "a comet");
        f.readyModel("mdl_private", false, false);
        notFound(CLIENT, Report.TargetType.MODEL, "mdl_private");
        notFound(CLIENT, Report.TargetType.MODEL, "mdl_unknown");
        notFound(OTHER_CLIENT, Report.TargetType.GENERATION, generation.id());
        notFound(OTHER_CLIENT, Report.TargetType.CONVERSATION, "conv-1");
        notFound(new Caller("s-2", Caller.Role.SELLER), Report.TargetType.MODEL, "mdl_private");
        assertEquals(0, reports.all().size());
        assertThrows(DomainException.class, () -> service.report(CLIENT, Report.TargetType.MODEL, f.model.id(), " "));
    }
}
