package app.go.testing;

import app.go.domain.report.Report;
import app.go.domain.port.ReportStore;

import java.util.ArrayList;
import java.util.List;

/** ReportStore in memory, in the order reports were saved. */
public final class InMemoryReportStore implements ReportStore {
    private final List<Report> saved = new ArrayList<>();

    @Override
    public synchronized void save(Report report) {
        saved.add(report);
    }

    @Override
    public synchronized List<Report> reports(String sellerId) {
        return saved.stream().filter(r -> r.sellerId().equals(sellerId)).toList();
    }

    /** Every seller's reports. */
    public synchronized List<Report> all() {
        return List.copyOf(saved);
    }
}
