package dev.agentstore.redis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link FaultSoakIT}'s writers wrote, by tenant-qualified name, and whether each write was acknowledged;
 * then the check of the stored rows against it, and the failures found. Thread-safe.
 */
final class SoakLedger {
    final Map<String, Boolean> appends = new ConcurrentHashMap<>();
    final Map<String, Boolean> metricBatches = new ConcurrentHashMap<>();
    final Map<String, Boolean> chunks = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();

    synchronized void record(String failure) {
        failures.add(failure);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /**
     * Every stored name was written, in its own tenant, {@code rowsPerWrite} rows each (a write is all or nothing
     * and exactly once); every acknowledged write is there.
     */
    void check(String kind, Map<String, Integer> storedRows, Map<String, Boolean> written, int rowsPerWrite) {
        storedRows.forEach((name, rows) -> {
            if (!written.containsKey(name)) {
                record(kind + " " + name + " was never written (or sits in the wrong tenant)");
            } else if (rows != rowsPerWrite) {
                record(kind + " " + name + " is stored as " + rows + " rows, not " + rowsPerWrite);
            }
        });
        written.forEach((name, acknowledged) -> {
            if (acknowledged && !storedRows.containsKey(name)) {
                record(kind + " " + name + " was acknowledged but is missing");
            }
        });
    }

    /** The rows per tenant-qualified name that {@code sql} (tenant, name) finds, read as the administrator. */
    static Map<String, Integer> rows(Connection admin, String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement statement = admin.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String tenant = rows.getString(1);
                String name = rows.getString(2);
                counts.merge(name.startsWith(tenant + "|") ? name : tenant + "|" + name, 1, Integer::sum);
            }
        }
        return counts;
    }

    String summary() {
        return String.format(
                "appends %d acknowledged, %d not; metric batches %d / %d; chunks %d / %d",
                count(appends, true),
                count(appends, false),
                count(metricBatches, true),
                count(metricBatches, false),
                count(chunks, true),
                count(chunks, false));
    }

    private static long count(Map<String, Boolean> writes, boolean acknowledged) {
        return writes.values().stream().filter(a -> a == acknowledged).count();
    }
}
