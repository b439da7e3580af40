package dev.agentstore.benchmarks;

import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The tables {@link MetricsBenchmark} copies into to price each part of {@code agentstore.llm_metrics} on its own:
 * the same columns and checks, built up one feature at a time, in the schema {@code ingest_bench}, owned by the
 * administrator (so no row-level security applies). The last step, adding {@code llm_metrics_by_session}, is
 * {@code agentstore.llm_metrics} itself.
 */
enum IngestTables {
    /** A plain heap: no partitions, no keys, no indexes. The baseline of the targets. */
    PLAIN("plain table (no partitions, keys or indexes)"),
    /** Range-partitioned by month, like llm_metrics. */
    PARTITIONED("+ month partitions"),
    /** Partitioned, with llm_metrics' primary key (tenant_id, recorded_at, request_id). */
    PRIMARY_KEY("+ primary key"),
    /** Partitioned, primary key, and llm_metrics_by_model (tenant_id, model, recorded_at). */
    BY_MODEL("+ index by model");

    private static final String COLUMNS = "tenant_id text NOT NULL, recorded_at timestamptz NOT NULL,"
            + " request_id uuid NOT NULL, model text COLLATE \"C\" NOT NULL, session_id uuid, conversation_id uuid,"
            + " prompt_tokens integer NOT NULL CHECK (prompt_tokens >= 0),"
            + " completion_tokens integer NOT NULL CHECK (completion_tokens >= 0),"
            + " latency_ms bigint NOT NULL CHECK (latency_ms >= 0),"
            + " time_to_first_token_ms bigint CHECK (time_to_first_token_ms BETWEEN 0 AND latency_ms),"
            + " cache_hit boolean NOT NULL, success boolean NOT NULL, error_type text";

    private final String label;

    IngestTables(String label) {
        this.label = label;
    }

    /** How the benchmark's table names this step. */
    String label() {
        return label;
    }

    /** The qualified table name. */
    String table() {
        return "ingest_bench." + name().toLowerCase(Locale.ROOT);
    }

    /** Creates every step's table, each partitioned one with a partition for {@code day}'s month. */
    static void create(PostgresDatabase database, LocalDate day) {
        database.executeAsAdmin("CREATE SCHEMA ingest_bench");
        LocalDate month = day.withDayOfMonth(1);
        for (IngestTables step : values()) {
            String key =
                    step.ordinal() >= PRIMARY_KEY.ordinal() ? ", PRIMARY KEY (tenant_id, recorded_at, request_id)" : "";
            String partitioning = step == PLAIN ? "" : " PARTITION BY RANGE (recorded_at)";
            database.executeAsAdmin("CREATE TABLE " + step.table() + " (" + COLUMNS + key + ")" + partitioning);
            if (step == BY_MODEL) {
                database.executeAsAdmin("CREATE INDEX ON " + step.table() + " (tenant_id, model, recorded_at)");
            }
            if (step != PLAIN) {
                database.executeAsAdmin("CREATE TABLE " + step.table() + "_m PARTITION OF " + step.table()
                        + " FOR VALUES FROM ('" + month + "') TO ('" + month.plusMonths(1) + "')");
            }
        }
    }
}
