package app.go.support.log;

/**
 * The business events operators count, written as CloudWatch Embedded Metric Format lines by
 * {@link Log#count} (CloudWatch turns them into metrics, no API call); the CDK dashboard charts
 * every one of them.
 */
public enum BusinessMetric {
    REPLIES("Replies"),
    HANDOFFS("Handoffs"),
    DAILY_LIMIT_HITS("DailyLimitHits"),
    TRIES("Tries"),
    TRAININGS("Trainings"),
    GENERATIONS("Generations"),
    CHARGES("Charges"),
    DECLINES("Declines");

    public static final String NAMESPACE = "Go";
    public static final String SERVICE_DIMENSION = "service";
    public static final String SERVICE = "go";

    private final String metricName;

    BusinessMetric(String metricName) {
        this.metricName = metricName;
    }

    public String metricName() {
        return metricName;
    }
}
