package app.go.domain.billing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * BILL-8: the unused days of a plan given back when switching plans mid-period, in integer cents
 * (BILL-10).
 *
 * <ul>
 *   <li>Daily rate: the monthly price over 30 days, rounded to the cent, half up:
 *       2900 / 30 = 96.67 → 97; 2500 / 30 = 83.33 → 83.</li>
 *   <li>Remaining days: calendar days from today to the day the period ends, both dates taken in the
 *       seller's time zone; the time of day does not matter (ten days before the end, at 00:01 or at
 *       23:59 → 10; on the last day → 0; at or after the end → 0).</li>
 *   <li>Refund: rate × remaining days, but never more than the month's fee: periods have up to 31
 *       days and the rounded rate times 30 can exceed the price (97 × 30 = 2910 > 2900), so a whole
 *       unused month gives back exactly the 2900 that was paid.</li>
 * </ul>
 * Example from the spec: 10 days left of $29 → 97 × 10 = 970 cents ($9.70).
 */
public record Proration(long priceCents, long dailyRateCents, long remainingDays, long refundCents) {
    public static final int DAYS_PER_MONTH = 30;

    public static Proration of(long monthlyPriceCents, Instant now, Instant periodEnd, ZoneId zone) {
        long rate = dailyRateCents(monthlyPriceCents);
        long days = remainingDays(now, periodEnd, zone);
        return new Proration(monthlyPriceCents, rate, days, Math.min(rate * days, monthlyPriceCents));
    }

    /** The monthly price over 30, rounded half up to the cent, without floating point. */
    public static long dailyRateCents(long monthlyPriceCents) {
        if (monthlyPriceCents < 0) {
            throw new IllegalArgumentException("prices are not negative");
        }
        return (monthlyPriceCents + DAYS_PER_MONTH / 2) / DAYS_PER_MONTH;
    }

    /** Calendar days from today to the period's last day in {@code zone}; never negative. */
    public static long remainingDays(Instant now, Instant periodEnd, ZoneId zone) {
        if (!now.isBefore(periodEnd)) {
            return 0;
        }
        return Math.max(0, ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), periodEnd.atZone(zone).toLocalDate()));
    }
}
