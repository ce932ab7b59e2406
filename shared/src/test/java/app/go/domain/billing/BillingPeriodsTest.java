package app.go.domain.billing;

import app.go.domain.billing.BillingPeriods;
import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BillingPeriodsTest {
    private static final PaymentMethod CARD = new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa");

    @Test
    @DisplayName("BILL-9 a subscription made on 18 Feb renews on 18 Mar, then 18 Apr")
    void anniversary() {
        Subscription s = Subscription.start("s1", Plan.PERSONAL_ASSISTANT, Instant.parse("2026-02-18T10:15:30.250Z"), CARD, true);
        assertEquals(Instant.parse("2026-02-18T10:15:30Z"), s.currentPeriodStart());
        assertEquals(Instant.parse("2026-03-18T10:15:30Z"), s.currentPeriodEnd());
        assertEquals(Instant.parse("2026-04-18T10:15:30Z"), s.renewed().currentPeriodEnd());
        assertEquals(18, s.anniversaryDay());
    }

    @Test
    @DisplayName("BILL-9 a 31 Jan subscription ends its period on the last day of February, then 31 Mar")
    void monthEndClamp() {
        Subscription s = Subscription.start("s1", Plan.CREATION_MODEL, Instant.parse("2026-01-31T00:00:00Z"), CARD, true);
        assertEquals(Instant.parse("2026-02-28T00:00:00Z"), s.currentPeriodEnd());
        Subscription next = s.renewed();
        assertEquals(Instant.parse("2026-02-28T00:00:00Z"), next.currentPeriodStart());
        assertEquals(Instant.parse("2026-03-31T00:00:00Z"), next.currentPeriodEnd());
        assertEquals(Instant.parse("2028-02-29T00:00:00Z"), BillingPeriods.periodEnd(Instant.parse("2028-01-31T00:00:00Z"), 31));
        assertEquals(Instant.parse("2027-01-15T00:00:00Z"), BillingPeriods.periodEnd(Instant.parse("2026-12-15T00:00:00Z"), 15));
    }

    @Test
    @DisplayName("BILL-1 BILL-2 BILL-10 prices are integer cents: PA 2900, CM 2500")
    void prices() {
        assertEquals(2_900L, Plan.PERSONAL_ASSISTANT.priceCents());
        assertEquals(2_500L, Plan.CREATION_MODEL.priceCents());
        assertEquals(long.class, assertDoesNotThrow(() -> Plan.class.getMethod("priceCents")).getReturnType());
    }
}
