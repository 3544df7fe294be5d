package org.evergreen.ledger.internal;

import org.evergreen.ledger.IntegrityReport;
import org.evergreen.ledger.IntegrityReport.Check;
import org.evergreen.ledger.IntegrityReport.Violation;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Keeps each integrity run, so admins and regulators see when the last one ran and what it found. */
@Component
public class CheckRuns {

    private final JdbcClient jdbc;

    public CheckRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(IntegrityReport report) {
        String lines = report.violations().stream()
                .map(violation -> violation.check() + "\t" + violation.subjectId() + "\t" + violation.detail())
                .collect(Collectors.joining("\n"));
        jdbc.sql("""
                        INSERT INTO ledger_check_run (started_at, finished_at, entries_checked, violations, report)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(UtcTimes.toColumn(report.startedAt()), UtcTimes.toColumn(report.finishedAt()),
                        report.entriesChecked(), report.violations().size(), lines)
                .update();
    }

    public Optional<IntegrityReport> last() {
        return jdbc.sql("SELECT started_at, finished_at, entries_checked, report FROM ledger_check_run ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new IntegrityReport(
                        UtcTimes.fromColumn(rs.getObject("started_at", LocalDateTime.class)),
                        UtcTimes.fromColumn(rs.getObject("finished_at", LocalDateTime.class)),
                        rs.getLong("entries_checked"), 0,
                        rs.getString("report").isEmpty() ? List.of() : Arrays.stream(rs.getString("report").split("\n"))
                                .map(line -> line.split("\t", 3))
                                .map(parts -> new Violation(Check.valueOf(parts[0]), Long.parseLong(parts[1]), parts[2]))
                                .toList()))
                .optional();
    }
}
