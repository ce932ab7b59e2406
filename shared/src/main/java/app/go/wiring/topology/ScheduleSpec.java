package app.go.wiring.topology;

/** An EventBridge schedule; the local runtime runs the same function on a timer that follows the test clock. */
public record ScheduleSpec(String id, String expression, java.time.Duration localInterval, FunctionSpec function) {}
