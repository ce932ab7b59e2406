package app.go.billing.handler;

import app.go.domain.billing.BillingRun;
import app.go.domain.port.BillingStore;
import app.go.domain.billing.OrderPayment;
import app.go.domain.billing.ReservationSweeper;
import app.go.domain.creation.OrderReservations;
import app.go.adapter.aws.sqs.SqsMessageQueue;
import app.go.support.errors.DomainException;
import app.go.wiring.lambda.Invocation;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The billing schedule's target (BILL-9): an EventBridge scheduled event (its {@code time} is the
 * run's "as of"), or {@code {"at": "2026-03-18T00:00:00Z"}}, or nothing (the clock's now). Sends one
 * renewal message per subscription and period due (BILL-9, and BILL-11 retries), reconciles payment
 * reservations left by a crash (BILL-13) and returns {@code {"at", "enqueued", "reservationsSwept"}}.
 */
public final class RunBillingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final BillingRun run;
    private final ReservationSweeper sweeper;
    private final Clock clock;

    public RunBillingHandler() {
        this(Adapters.fromEnvironment());
    }

    public RunBillingHandler(Adapters adapters) {
        this(adapters.billing(), adapters);
    }

    private RunBillingHandler(BillingStore store, Adapters adapters) {
        this(new BillingRun(store, new SqsMessageQueue(adapters.sqs(), adapters.env().require(SystemTopology.RENEWALS.envVar()))),
                new ReservationSweeper(store,
                        adapters.sellers(),
                        adapters.idempotency(),
                        adapters.paymentGateway(), adapters.clock(),
                        new OrderReservations(adapters.generations(),
                                new OrderPayment(store, adapters.paymentGateway()), adapters.clock())),
                adapters.clock());
    }

    public RunBillingHandler(BillingRun run, ReservationSweeper sweeper, Clock clock) {
        this.run = run;
        this.sweeper = sweeper;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Invocation.begin(context);
        Instant at = asOf(event, clock);
        int enqueued = run.runAsOf(at);
        int swept = sweeper.sweep(at);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("at", at.toString());
        result.put("enqueued", enqueued);
        result.put("reservationsSwept", swept);
        return result;
    }

    /** {@code at} wins over the scheduled event's {@code time}; without either, the clock's now. */
    static Instant asOf(Map<String, Object> event, Clock clock) {
        Object value = event == null ? null : event.get("at");
        if (value == null && event != null) {
            value = event.get("time");
        }
        if (value == null || value.toString().isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw DomainException.validation("at must be an ISO-8601 instant such as 2026-03-18T00:00:00Z");
        }
    }
}
