package app.go.domain.creation;

import app.go.domain.billing.PaymentMethod;
import app.go.support.errors.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.go.domain.creation.GenerationFixture.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PurchaseExactlyOnceTest {

    @Test
    @DisplayName("BILL-13 20 simultaneous purchases of one generation, each with another card, make exactly one approved charge and one order")
    void twentySimultaneousPurchases() throws Exception {
        GenerationFixture f = new GenerationFixture();
        Generation generation = f.readyGeneration(CLIENT, "a fox");
        int buyers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> orders = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            PaymentMethod card = new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa_" + i);
            orders.add(pool.submit(() -> {
                go.await();
                try {
                    return f.service.purchase(CLIENT, generation.id(), card).id();
                } catch (DomainException e) {
                    return e.code();
                }
            }));
        }
        go.countDown();
        Set<String> outcomes = new HashSet<>();
        for (Future<String> order : orders) {
            outcomes.add(order.get());
        }
        pool.shutdown();
        assertEquals(1, f.payments.charges(), f.payments.payments().toString());
        assertEquals(1, f.payments.payments().size(), "no second card was even tried");
        assertEquals(GenerationFixture.UNIT_PRICE, f.payments.chargedCents());
        outcomes.remove("PAYMENT_IN_PROGRESS");
        assertEquals(Set.of(CreationOrder.orderIdFor(generation.id())), outcomes);
        assertTrue(f.payments.payments().get(0).idempotencyKey().startsWith("order#" + generation.id()),
                "the charge key comes from the order, not the card");
    }

    @Test
    @DisplayName("BILL-13 after a declined card the next card is a new attempt of the same order and is charged once")
    void anotherCardAfterADecline() {
        GenerationFixture f = new GenerationFixture();
        Generation generation = f.readyGeneration(CLIENT, "a fox");
        assertEquals("PAYMENT_DECLINED", assertThrows(DomainException.class, () -> f.service.purchase(CLIENT, generation.id(),
                new PaymentMethod(PaymentMethod.Type.CARD, "tok_decline_x"))).code());
        f.service.purchase(CLIENT, generation.id(), GenerationFixture.CARD);
        f.service.purchase(CLIENT, generation.id(), new PaymentMethod(PaymentMethod.Type.CARD, "tok_other"));
        assertEquals(1, f.payments.charges());
        assertEquals(List.of("order#" + generation.id() + "#1", "order#" + generation.id() + "#2"),
                f.payments.payments().stream().map(p -> p.idempotencyKey()).toList());
    }

    @Test
    @DisplayName("BILL-13 a purchase that crashed after the charge gets its order from the sweeper's order owner")
    void sweeperOpensTheOrder() {
        GenerationFixture f = new GenerationFixture();
        Generation generation = f.readyGeneration(CLIENT, "a fox");
        // the charge went through but the process died before the order was written
        app.go.domain.billing.OrderPayment crashing = new app.go.domain.billing.OrderPayment(f.billing,
                app.go.testing.HookedPaymentGateway.after(f.payments, (p, m, a, k) -> {
                    throw new IllegalStateException("kill -9");
                }));
        assertThrows(IllegalStateException.class, () -> crashing.pay("order#" + generation.id(), CLIENT.userId(),
                GenerationFixture.CARD, generation.priceCents(), f.clock.instant()));
        assertEquals(1, f.billing.openReservations(Instant.MAX).size());
        f.billing.openReservations(Instant.MAX).forEach(r -> f.service.orderReservations().resume(r));
        assertTrue(f.store.order(generation.sellerId(), CreationOrder.orderIdFor(generation.id())).isPresent());
        assertEquals(1, f.payments.charges());
    }

    @Test
    @DisplayName("CM-PRC-1 generation totals above Pricing.MAX_CENTS are refused with 422 GENERATION_TOTAL_TOO_HIGH before anything is written")
    void totalAboveMaximum() {
        GenerationFixture f = new GenerationFixture();
        Model pricey = f.readyModel("mdl_big", true, true);
        f.models.updateModelSettings(pricey.withPricing(Pricing.perUnit(Pricing.MAX_CENTS), f.clock.instant()));
        DomainException refused = assertThrows(DomainException.class,
                () -> f.service.request(CLIENT, pricey.id(), "a fox", 1_000_000));
        assertEquals(GenerationService.TOTAL_TOO_HIGH, refused.code());
        assertEquals(422, refused.kind().httpStatus());
        assertTrue(f.queue.drain().isEmpty());
        assertEquals(Pricing.MAX_CENTS, f.service.request(CLIENT, pricey.id(), "a fox", 1).priceCents());
    }
}
