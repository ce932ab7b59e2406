package app.go.domain.seller;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * When the assistant answers (PA-AV-1..3): around the clock, only while the seller is offline, or on
 * chosen days in one time window per day, in the seller's time zone.
 */
public record Availability(Mode mode, Map<DayOfWeek, TimeWindow> schedule) {

    public enum Mode { ALWAYS, WHEN_OFFLINE, SCHEDULE }

    public static final Availability ALWAYS = new Availability(Mode.ALWAYS, Map.of());

    public Availability {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        EnumMap<DayOfWeek, TimeWindow> days = new EnumMap<>(DayOfWeek.class);
        if (schedule != null) {
            days.putAll(schedule);
        }
        if (mode == Mode.SCHEDULE && days.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one day");
        }
        schedule = Collections.unmodifiableMap(days);
    }

    /** Whether the assistant may answer at {@code now}; {@code sellerOnline} only matters for WHEN_OFFLINE. */
    public boolean answersAt(Instant now, ZoneId sellerZone, boolean sellerOnline) {
        return switch (mode) {
            case ALWAYS -> true;
            case WHEN_OFFLINE -> !sellerOnline;
            case SCHEDULE -> {
                ZonedDateTime local = now.atZone(sellerZone);
                TimeWindow window = schedule.get(local.getDayOfWeek());
                yield window != null && window.contains(local.toLocalTime());
            }
        };
    }

    /** One window of a day, {@code from} inclusive and {@code to} exclusive, in local time. */
    public record TimeWindow(LocalTime from, LocalTime to) {
        public TimeWindow {
            if (from == null || to == null || !from.isBefore(to)) {
                throw new IllegalArgumentException("from must be before to");
            }
        }

        public boolean contains(LocalTime time) {
            return !time.isBefore(from) && time.isBefore(to);
        }
    }
}
