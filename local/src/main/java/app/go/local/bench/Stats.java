package app.go.local.bench;

import java.util.Arrays;
import java.util.Collection;

/** Order statistics over measured values: nearest-rank percentiles, the usual median. */
public final class Stats {
    private Stats() {}

    /** The nearest-rank percentile {@code p} (0 < p <= 100): the smallest value with at least p% of values at or below it. */
    public static double percentile(Collection<Double> values, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        double[] sorted = sorted(values);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** The middle value, or the mean of the two middle values for an even count. */
    public static double median(Collection<Double> values) {
        double[] sorted = sorted(values);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double min(Collection<Double> values) {
        return sorted(values)[0];
    }

    public static double max(Collection<Double> values) {
        double[] sorted = sorted(values);
        return sorted[sorted.length - 1];
    }

    private static double[] sorted(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = new double[values.size()];
        int i = 0;
        for (double value : values) {
            sorted[i++] = value;
        }
        Arrays.sort(sorted);
        return sorted;
    }
}
