package app.go.creation.handler;

import app.go.domain.creation.TrainingSweeper;
import app.go.wiring.Adapters;
import app.go.wiring.lambda.Invocation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/**
 * The training schedule's target (CM-TRN-1): fails the trainings that timed out and tells their
 * sellers, whether or not anyone reads the model. Any event will do; it runs as of the clock's now
 * and returns {@code {"failed": n}}.
 */
public final class SweepTrainingsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final TrainingSweeper sweeper;

    public SweepTrainingsHandler() {
        this(Adapters.fromEnvironment());
    }

    public SweepTrainingsHandler(Adapters adapters) {
        this(new TrainingSweeper(adapters.creations(), adapters.sellers(), adapters.clock()));
    }

    public SweepTrainingsHandler(TrainingSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Invocation.begin(context);
        return Map.of("failed", sweeper.sweep());
    }
}
