package app.go.domain.billing;

import app.go.domain.billing.Plan;
import app.go.domain.billing.Proration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProrationTest {
    private static final Instant PERIOD_END = Instant.parse("2026-03-18T09:00:00Z");

    private static Proration daysBefore(long priceCents, Duration beforeEnd) {
        return Proration.of(priceCents, PERIOD_END.minus(beforeEnd), PERIOD_END);
    }

    @Test
    @DisplayName("BILL-8 BILL-10 the spec's example: 10 days left of $29 refunds 97 x 10 = 970 cents ($9.70)")
    void specExample() {
        Proration p = daysBefore(Plan.PERSONAL_ASSISTANT.priceCents(), Duration.ofDays(10));
        assertEquals(97, p.dailyRateCents());
        assertEquals(10, p.remainingDays());
        assertEquals(970, p.refundCents());
    }

    @Test
    @DisplayName("BILL-8 the daily rate is the monthly price over 30 rounded to the cent: 2900/30 = 96.67 -> 97, 2500/30 = 83.33 -> 83")
    void dailyRateRounding() {
        assertEquals(97, Proration.dailyRateCents(2_900));
        assertEquals(83, Proration.dailyRateCents(2_500));
        assertEquals(163, Proration.dailyRateCents(4_900));
        assertEquals(2, Proration.dailyRateCents(45)); // 1.5 rounds half up
        assertEquals(1, Proration.dailyRateCents(44));
        assertEquals(0, Proration.dailyRateCents(0));
    }

    @Test
    @DisplayName("BILL-8 remaining days are whole days until the period ends, rounded down; none left refunds 0")
    void remainingDays() {
        assertEquals(10, daysBefore(2_900, Duration.ofDays(10).plusHours(23)).remainingDays());
        assertEquals(9, daysBefore(2_900, Duration.ofDays(10).minusSeconds(1)).remainingDays());
        assertEquals(0, daysBefore(2_900, Duration.ofHours(23)).refundCents());
        assertEquals(0, daysBefore(2_900, Duration.ZERO).refundCents());
        assertEquals(0, Proration.of(2_900, PERIOD_END.plusSeconds(60), PERIOD_END).refundCents());
    }

    @Test
    @DisplayName("BILL-8 a whole unused month refunds what was paid: 30 days would be 97 x 30 = 2910, capped at the 2900 fee")
    void fullMonthIsCappedAtTheFee() {
        Proration thirty = daysBefore(2_900, Duration.ofDays(30));
        assertEquals(30, thirty.remainingDays());
        assertEquals(2_900, thirty.refundCents());
        assertEquals(2_900, daysBefore(2_900, Duration.ofDays(31)).refundCents());
        assertEquals(29 * 97, daysBefore(2_900, Duration.ofDays(29)).refundCents());
        assertEquals(83 * 12, daysBefore(2_500, Duration.ofDays(12)).refundCents());
    }
}
