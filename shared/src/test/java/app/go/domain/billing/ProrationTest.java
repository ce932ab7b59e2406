package app.go.domain.billing;

import app.go.domain.billing.Plan;
import app.go.domain.billing.Proration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProrationTest {
    private static final Instant PERIOD_END = Instant.parse("2026-03-18T09:00:00Z");

    private static Proration daysBefore(long priceCents, Duration beforeEnd) {
        return Proration.of(priceCents, PERIOD_END.minus(beforeEnd), PERIOD_END, ZoneOffset.UTC);
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
    @DisplayName("BILL-8 remaining days are calendar days from today to the period's end: ten days before the end refunds 970 whatever the time of day")
    void remainingDaysAreCalendarDays() {
        Instant tenDaysBeforeEarly = Instant.parse("2026-03-08T00:00:01Z");
        Instant tenDaysBeforeLate = Instant.parse("2026-03-08T23:59:59Z");
        Instant tenDaysBeforeJustAfterEndTime = Instant.parse("2026-03-08T09:00:01Z"); // 9 days 23:59:59 in 24-hour spans
        for (Instant at : new Instant[] {tenDaysBeforeEarly, tenDaysBeforeLate, tenDaysBeforeJustAfterEndTime}) {
            Proration p = Proration.of(2_900, at, PERIOD_END, ZoneOffset.UTC);
            assertEquals(10, p.remainingDays(), at.toString());
            assertEquals(970, p.refundCents(), at.toString());
        }
        assertEquals(0, Proration.of(2_900, Instant.parse("2026-03-18T08:59:59Z"), PERIOD_END, ZoneOffset.UTC).refundCents());
        assertEquals(0, daysBefore(2_900, Duration.ZERO).refundCents());
        assertEquals(0, Proration.of(2_900, PERIOD_END.plusSeconds(60), PERIOD_END, ZoneOffset.UTC).refundCents());
    }

    @Test
    @DisplayName("BILL-8 the days are counted in the seller's time zone: the same instant is another day in Berlin and in Los Angeles")
    void remainingDaysInTheSellersZone() {
        Instant at = Instant.parse("2026-03-08T23:30:00Z"); // 9 Mar 00:30 in Berlin, 8 Mar 16:30 in Los Angeles
        Instant end = Instant.parse("2026-03-18T09:00:00Z"); // 18 Mar in both
        assertEquals(9, Proration.of(2_900, at, end, ZoneId.of("Europe/Berlin")).remainingDays());
        assertEquals(10, Proration.of(2_900, at, end, ZoneId.of("America/Los_Angeles")).remainingDays());
        assertEquals(873, Proration.of(2_900, at, end, ZoneId.of("Europe/Berlin")).refundCents());
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
