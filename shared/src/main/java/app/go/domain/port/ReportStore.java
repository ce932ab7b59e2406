package app.go.domain.port;

import app.go.domain.report.Report;

import java.util.List;

/** Port to stored reports, kept under the seller the reported thing belongs to. */
public interface ReportStore {

    void save(Report report);

    List<Report> reports(String sellerId);
}
