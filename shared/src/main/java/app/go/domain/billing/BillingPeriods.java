package app.go.domain.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Monthly periods by calendar month from the subscription date, in UTC (BILL-9: each subscription
 * renews on its own monthly anniversary).
 *
 * <p>A period ends on the anniversary day of the next month at the same time of day: subscribed on
 * 18 Feb, the period ends on 18 Mar. When the next month is shorter than the anniversary day, the
 * period ends on that month's last day (31 Jan → 28 Feb, or 29 Feb in a leap year), and the month
 * after returns to the anniversary day (→ 31 Mar), because the anniversary day is kept on the
 * subscription rather than taken from the clamped date. Times are truncated to whole seconds so
 * period ends sort as ISO-8601 strings.
 */
public final class BillingPeriods {
    private BillingPeriods() {}

    /** The anniversary day (1..31) of a subscription started at {@code start}. */
    public static int anniversaryDay(Instant start) {
        return start.atZone(ZoneOffset.UTC).getDayOfMonth();
    }

    /** Start instants are whole seconds. */
    public static Instant normalize(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The end of the period starting at {@code periodStart}, for a subscription with the given anniversary day. */
    public static Instant periodEnd(Instant periodStart, int anniversaryDay) {
        if (anniversaryDay < 1 || anniversaryDay > 31) {
            throw new IllegalArgumentException("anniversary day must be 1..31");
        }
        ZonedDateTime start = normalize(periodStart).atZone(ZoneOffset.UTC);
        ZonedDateTime nextMonth = start.withDayOfMonth(1).plusMonths(1);
        int day = Math.min(anniversaryDay, nextMonth.toLocalDate().lengthOfMonth());
        return nextMonth.withDayOfMonth(day).toInstant();
    }
}
