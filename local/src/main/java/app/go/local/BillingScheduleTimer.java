package app.go.local;

import app.go.local.lambda.LambdaInvoker;
import app.go.support.log.Log;
import app.go.wiring.topology.ScheduleSpec;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for an EventBridge schedule: checks the (test) clock every second and, when the next
 * firing time has passed, invokes the target function once with a scheduled event. Like
 * EventBridge, it does not replay every missed firing after the clock jumps ahead, only the latest.
 */
final class BillingScheduleTimer implements AutoCloseable {
    private static final Log LOG = Log.get(BillingScheduleTimer.class);

    private final ScheduleSpec schedule;
    private final LambdaInvoker invoker;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "schedule-timer");
        thread.setDaemon(true);
        return thread;
    });
    private Instant nextFiring;
    private Instant armedAt;

    BillingScheduleTimer(ScheduleSpec schedule, LambdaInvoker invoker, Clock clock) {
        this.schedule = schedule;
        this.invoker = invoker;
        this.clock = clock;
    }

    BillingScheduleTimer start() {
        arm(clock.instant());
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private void tick() {
        Instant now = clock.instant();
        if (now.isBefore(armedAt)) {
            // the clock was set back: count the interval from the new time, as a fresh schedule would
            arm(now);
            return;
        }
        if (now.isBefore(nextFiring)) {
            return;
        }
        arm(now);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "aws.events");
        event.put("detail-type", "Scheduled Event");
        event.put("time", now.toString());
        event.put("detail", Map.of());
        try {
            Object result = invoker.invoke(schedule.function(), event, Map.class);
            LOG.info("schedule fired", "schedule", schedule.id(), "result", result);
        } catch (RuntimeException e) {
            LOG.error("scheduled invocation failed; it runs again at the next firing", e, "schedule", schedule.id());
        }
    }

    private void arm(Instant from) {
        armedAt = from;
        nextFiring = from.plus(schedule.localInterval());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
