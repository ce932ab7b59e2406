package app.go.domain.creation;

import app.go.domain.creation.GenerationFixture;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.creation.CreationOrder;
import app.go.domain.creation.Delivery;
import app.go.domain.creation.Generation;
import app.go.domain.creation.GenerationStatus;
import app.go.domain.creation.Model;
import app.go.support.errors.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static app.go.domain.creation.GenerationFixture.CARD;
import static app.go.domain.creation.GenerationFixture.CLIENT;
import static app.go.domain.creation.GenerationFixture.OTHER_CLIENT;
import static app.go.domain.creation.GenerationFixture.SELLER;
import static app.go.domain.creation.GenerationFixture.SELLER_CALLER;
import static app.go.domain.creation.GenerationFixture.UNIT_PRICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerationServiceTest {
    private final GenerationFixture f = new GenerationFixture();

    private static void refused(String code, Executable action) {
        DomainException e = assertThrows(DomainException.class, action);
        assertEquals(code, e.code(), e.getMessage());
    }

    @Test
    @DisplayName("CM-PRC-1 the generation costs the model's price for its units, and the included revision costs nothing more")
    void priceIncludesOneRevision() {
        Generation generation = f.service.request(CLIENT, f.model.id(), "a fox in a forest", 3);
        assertEquals(3 * UNIT_PRICE, generation.priceCents());
        assertEquals("USD", generation.currency());
        f.runQueue();
        CreationOrder order = f.service.purchase(CLIENT, generation.id(), CARD);
        f.service.approve(CLIENT, order.id());
        f.service.download(CLIENT, order.id());

        Generation revision = f.service.requestRevision(CLIENT, order.id(), "make the fox orange");
        assertEquals(0, revision.priceCents());
        f.runQueue();
        assertEquals(1, f.payments.charges());
        assertEquals(3 * UNIT_PRICE, f.payments.chargedCents());
    }

    @Test
    @DisplayName("CM-GEN-1 a generation is a watermarked draft; the clean file comes only after payment and approval")
    void draftsAreWatermarkedAndFinalNeedsApprovalAndPayment() {
        Generation generation = f.service.request(CLIENT, f.model.id(), "a lighthouse at night", 1);
        assertEquals(GenerationStatus.PENDING, generation.status());
        refused("GENERATION_NOT_READY", () -> f.service.preview(CLIENT, generation.id()));
        refused("GENERATION_NOT_READY", () -> f.service.purchase(CLIENT, generation.id(), CARD));
        f.runQueue();

        Delivery preview = f.service.preview(CLIENT, generation.id());
        assertTrue(preview.watermarked());
        assertEquals("image/png", preview.contentType());

        CreationOrder order = f.service.purchase(CLIENT, generation.id(), CARD);
        assertTrue(order.paid());
        refused("NOT_APPROVED_OR_UNPAID", () -> f.service.download(CLIENT, order.id()));

        f.service.approve(CLIENT, order.id());
        Delivery clean = f.service.download(CLIENT, order.id());
        assertFalse(clean.watermarked());
        assertFalse(Arrays.equals(preview.content(), clean.content()), "the final has no watermark");
        assertArrayEquals(f.blobs.get(Generation.finalKey(SELLER, generation.id())).orElseThrow(), clean.content());
        assertTrue(f.blobs.keys().stream().allMatch(k -> k.startsWith("sellers/" + SELLER + "/")));
    }

    @Test
    @DisplayName("CM-GEN-1 a declined payment opens no order; a repeated purchase charges once and returns the same order")
    void purchaseChargesOnce() {
        Generation generation = f.readyGeneration(CLIENT, "a boat");
        refused("PAYMENT_DECLINED", () -> f.service.purchase(CLIENT, generation.id(),
                new PaymentMethod(PaymentMethod.Type.CARD, "tok_decline_insufficient")));
        assertTrue(f.store.allOrders().isEmpty());

        CreationOrder first = f.service.purchase(CLIENT, generation.id(), CARD);
        CreationOrder second = f.service.purchase(CLIENT, generation.id(), CARD);
        assertEquals(first.id(), second.id());
        assertEquals(1, f.payments.charges());
        assertEquals(UNIT_PRICE, f.payments.chargedCents());
    }

    @Test
    @DisplayName("CM-GEN-3 one revision within 24 h of the download: a second is REVISION_ALREADY_USED, after 24 h REVISION_WINDOW_CLOSED")
    void revisionWindow() {
        CreationOrder order = f.boughtAndApproved(CLIENT, "a castle");
        refused("NOT_DOWNLOADED", () -> f.service.requestRevision(CLIENT, order.id(), "more towers"));
        f.service.download(CLIENT, order.id());
        f.clock.advance(Duration.ofHours(23));

        Generation revision = f.service.requestRevision(CLIENT, order.id(), "more towers");
        assertTrue(revision.isRevision());
        assertEquals(order.id(), revision.orderId());
        assertEquals(1, f.queue.sent().size(), "the revision goes through the generations queue");
        refused("REVISION_ALREADY_USED", () -> f.service.requestRevision(CLIENT, order.id(), "even more towers"));

        CreationOrder late = f.boughtAndApproved(CLIENT, "a bridge");
        f.service.download(CLIENT, late.id());
        f.clock.advance(Duration.ofHours(25));
        refused("REVISION_WINDOW_CLOSED", () -> f.service.requestRevision(CLIENT, late.id(), "longer"));
    }

    @Test
    @DisplayName("CM-GEN-3 the revision becomes the delivery: it is approved again, then the download is the revised file")
    void revisionBecomesTheDelivery() {
        CreationOrder order = f.boughtAndApproved(CLIENT, "a tree");
        byte[] first = f.service.download(CLIENT, order.id()).content();
        Generation revision = f.service.requestRevision(CLIENT, order.id(), "autumn leaves");
        refused("GENERATION_NOT_READY", () -> f.service.approve(CLIENT, order.id()));
        refused("NOT_APPROVED_OR_UNPAID", () -> f.service.download(CLIENT, order.id()));
        f.runQueue();
        assertEquals(GenerationStatus.READY, f.service.generation(CLIENT, revision.id()).status());
        assertTrue(f.service.preview(CLIENT, revision.id()).watermarked());

        f.service.approve(CLIENT, order.id());
        byte[] revised = f.service.download(CLIENT, order.id()).content();
        assertFalse(Arrays.equals(first, revised));
        refused("ALREADY_PURCHASED", () -> f.service.purchase(CLIENT, revision.id(), CARD));
    }

    @Test
    @DisplayName("CM-ORD-2 a delivery approved after a revision can be rated once, 1 to 5")
    void reviewAfterRevision() {
        CreationOrder order = f.boughtAndApproved(CLIENT, "a cat");
        f.service.download(CLIENT, order.id());
        f.service.requestRevision(CLIENT, order.id(), "a black cat");
        f.runQueue();
        refused("REVIEW_NOT_ALLOWED", () -> f.service.review(CLIENT, order.id(), 5, "great"));
        f.service.approve(CLIENT, order.id());

        CreationOrder reviewed = f.service.review(CLIENT, order.id(), 4, "nice cat");
        assertEquals(4, reviewed.rating());
        refused("ALREADY_REVIEWED", () -> f.service.review(CLIENT, order.id(), 5, "again"));
        refused("VALIDATION_FAILED", () -> f.service.review(CLIENT, f.boughtAndApproved(CLIENT, "x").id(), 6, null));
    }

    @Test
    @DisplayName("CM-ORD-3 a delivery accepted without changes cannot be reviewed: REVIEW_NOT_ALLOWED")
    void noReviewWithoutRevision() {
        CreationOrder order = f.boughtAndApproved(CLIENT, "a dog");
        f.service.download(CLIENT, order.id());
        refused("REVIEW_NOT_ALLOWED", () -> f.service.review(CLIENT, order.id(), 5, "good dog"));
    }

    @Test
    @DisplayName("CM-ORD-1 AI-generated orders never count toward the seller's success score or completion rate, revised or not")
    void ordersDoNotCountTowardSellerStats() {
        CreationOrder plain = f.boughtAndApproved(CLIENT, "a hill");
        assertFalse(plain.countsTowardSellerStats());
        f.service.download(CLIENT, plain.id());
        f.service.requestRevision(CLIENT, plain.id(), "greener");
        f.runQueue();
        f.service.approve(CLIENT, plain.id());
        CreationOrder reviewed = f.service.review(CLIENT, plain.id(), 2, "meh");
        assertFalse(reviewed.countsTowardSellerStats());
        assertTrue(f.service.creations(SELLER).stream().noneMatch(CreationOrder::countsTowardSellerStats));
    }

    @Test
    @DisplayName("CM-ORD-4 no full refund for an AI-generated asset, even with the revision included: NO_FULL_REFUND_FOR_AI")
    void noFullRefund() {
        CreationOrder order = f.boughtAndApproved(CLIENT, "a rocket");
        DomainException e = assertThrows(DomainException.class, () -> f.service.refund(CLIENT, order.id()));
        assertEquals("NO_FULL_REFUND_FOR_AI", e.code());
        assertEquals(422, e.kind().httpStatus());
        refused("NOT_FOUND", () -> f.service.refund(OTHER_CLIENT, order.id()));
    }

    @Test
    @DisplayName("CM-GEN-4 the seller has no access to the source file: their calls to the order and its download are 404")
    void sellerCannotReachTheFile() {
        CreationOrder order = f.boughtAndApproved(CLIENT, "a crown");
        refused("NOT_FOUND", () -> f.service.download(SELLER_CALLER, order.id()));
        refused("NOT_FOUND", () -> f.service.order(SELLER_CALLER, order.id()));
        refused("NOT_FOUND", () -> f.service.generation(SELLER_CALLER, order.generationId()));
        refused("NOT_FOUND", () -> f.service.preview(SELLER_CALLER, order.generationId()));
    }

    @Test
    @DisplayName("CM-GEN-5 the seller's Creations list the orders placed through their models, newest first")
    void sellerSeesCreations() {
        CreationOrder first = f.boughtAndApproved(CLIENT, "one");
        f.clock.advance(Duration.ofMinutes(1));
        CreationOrder second = f.boughtAndApproved(OTHER_CLIENT, "two");
        f.readyGeneration(CLIENT, "not bought");

        List<CreationOrder> creations = f.service.creations(SELLER);
        assertEquals(List.of(second.id(), first.id()), creations.stream().map(CreationOrder::id).toList());
        assertTrue(f.service.creations("s-other").isEmpty());
    }

    @Test
    @DisplayName("CM-GEN-6 the client owns the bought delivery; exclusivity is not guaranteed: the same prompt is generated again for another client")
    void clientOwnsButNotExclusive() {
        CreationOrder mine = f.boughtAndApproved(CLIENT, "a red balloon");
        assertEquals(CLIENT.userId(), mine.clientId());
        refused("NOT_FOUND", () -> f.service.download(OTHER_CLIENT, mine.id()));
        refused("NOT_FOUND", () -> f.service.approve(OTHER_CLIENT, mine.id()));

        CreationOrder theirs = f.boughtAndApproved(OTHER_CLIENT, "a red balloon");
        assertNotEquals(mine.id(), theirs.id());
        assertArrayEquals(f.service.download(CLIENT, mine.id()).content(), f.service.download(OTHER_CLIENT, theirs.id()).content(),
                "the same prompt may give the same work to someone else");
    }

    @Test
    @DisplayName("CM-PUB-1 clients generate only with published models (404 otherwise) that are active (409 MODEL_NOT_AVAILABLE otherwise)")
    void onlyPublishedActiveModels() {
        Model hidden = f.readyModel("mdl_hidden", false, true);
        Model inactive = f.readyModel("mdl_inactive", true, false);
        refused("NOT_FOUND", () -> f.service.request(CLIENT, hidden.id(), "x", 1));
        refused("NOT_FOUND", () -> f.service.request(CLIENT, "mdl_unknown", "x", 1));
        refused("MODEL_NOT_AVAILABLE", () -> f.service.request(CLIENT, inactive.id(), "x", 1));
        refused("FORBIDDEN", () -> f.service.request(SELLER_CALLER, f.model.id(), "x", 1));
        assertTrue(f.queue.sent().isEmpty());
    }
}
