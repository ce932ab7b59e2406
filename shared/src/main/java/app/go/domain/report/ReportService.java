package app.go.domain.report;

import app.go.domain.port.ReportStore;

import app.go.domain.conversation.Conversation;
import app.go.domain.port.ConversationStore;
import app.go.domain.port.CreationStore;
import app.go.domain.creation.Generation;
import app.go.domain.port.GenerationStore;
import app.go.domain.creation.Model;
import app.go.support.auth.Caller;
import app.go.support.errors.DomainException;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * CM-GEN-7: any signed-in user can report a model, a generation or a conversation they can see;
 * a target that is unknown or not visible to them is a 404 (DATA-2).
 */
public final class ReportService {
    public static final int MAX_REASON_LENGTH = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReportStore reports;
    private final CreationStore models;
    private final GenerationStore generations;
    private final ConversationStore conversations;
    private final Clock clock;

    public ReportService(ReportStore reports, CreationStore models, GenerationStore generations,
                         ConversationStore conversations, Clock clock) {
        this.reports = reports;
        this.models = models;
        this.generations = generations;
        this.conversations = conversations;
        this.clock = clock;
    }

    public Report report(Caller caller, Report.TargetType type, String targetId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw DomainException.validation("reason must be 1 to " + MAX_REASON_LENGTH + " characters");
        }
        String sellerId = switch (type) {
            case MODEL -> visibleModel(caller, targetId).sellerId();
            case GENERATION -> visibleGeneration(caller, targetId).sellerId();
            case CONVERSATION -> visibleConversation(caller, targetId).sellerId();
        };
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        Report report = new Report("rep_" + HexFormat.of().formatHex(random), sellerId, type, targetId, caller.userId(),
                caller.role().name(), reason.strip(), clock.instant());
        reports.save(report);
        return report;
    }

    /** The seller's own model, or a published one for a client. */
    private Model visibleModel(Caller caller, String modelId) {
        return generations.sellerOfModel(modelId).flatMap(sellerId -> models.model(sellerId, modelId))
                .filter(model -> switch (caller.role()) {
                    case SELLER -> model.sellerId().equals(caller.userId());
                    case CLIENT -> model.published();
                    case PLATFORM -> false;
                })
                .orElseThrow(() -> DomainException.notFound("model " + modelId));
    }

    /** The client's own generation, or one made with the seller's model. */
    private Generation visibleGeneration(Caller caller, String generationId) {
        return generations.findGeneration(generationId)
                .filter(generation -> switch (caller.role()) {
                    case SELLER -> generation.sellerId().equals(caller.userId());
                    case CLIENT -> generation.clientId().equals(caller.userId());
                    case PLATFORM -> false;
                })
                .orElseThrow(() -> DomainException.notFound("generation " + generationId));
    }

    private Conversation visibleConversation(Caller caller, String conversationId) {
        return conversations.find(conversationId)
                .filter(conversation -> switch (caller.role()) {
                    case SELLER -> conversation.sellerId().equals(caller.userId());
                    case CLIENT -> conversation.clientId().equals(caller.userId());
                    case PLATFORM -> false;
                })
                .orElseThrow(() -> DomainException.notFound("conversation " + conversationId));
    }
}
