package dev.agentstore.postgres.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.Secret;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SeriesQuery;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.metrics.TimeBucket;
import dev.agentstore.spi.Ids;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The optional ingest role: large metric batches COPY straight into the partitioned tables as that role (a
 * trigger records who inserted each row), into the tenant the batch came through; a retried batch falls back to
 * the row-level-security path and adds nothing; the role can do nothing but insert metrics and history.
 */
class MetricIngestIT {
    private static final String INGEST_PASSWORD = "ingest";

    private static PostgresDatabase database;
    private static String ingestRole;
    private static AgentStore store;

    @BeforeAll
    static void open() throws SQLException {
        database = PostgresDatabase.create(TestServers.postgres());
        ingestRole = "agentstore_ingest_"
                + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        // Test-only DDL; the role name is made of hex digits above.
        database.executeAsAdmin(
                "CREATE ROLE " + ingestRole + " LOGIN PASSWORD '" + INGEST_PASSWORD + "' NOSUPERUSER BYPASSRLS");
        store = AgentStore.open(database.storeConfig().toBuilder()
                .set("postgres.ingest-user", ingestRole)
                .set("postgres.ingest-password", INGEST_PASSWORD)
                .migrateOnOpen(true)
                .build());
        database.executeAsAdmin("create table public.inserted_by (tbl text, role text)");
        database.executeAsAdmin("create function public.note_inserter() returns trigger language plpgsql"
                + " security definer as $$ begin insert into public.inserted_by values (tg_table_name, session_user);"
                + " return new; end $$");
        for (String table : List.of("llm_metrics", "system_metrics", "metric_series")) {
            database.executeAsAdmin("create trigger note_inserter before insert on agentstore." + table
                    + " for each row execute function public.note_inserter()");
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void should_copy_a_large_batch_as_the_ingest_role_into_its_tenant_and_skip_it_when_retried() throws SQLException {
        AgentStore tenant = store.forTenant("ingest-" + UUID.randomUUID());
        MetricsRepository metrics = tenant.metrics();
        List<LlmRequestMetric> batch = llm(1_000);
        long before = inserted(ingestRole);

        assertThat(metrics.recordLlmBatch(batch)).isEqualTo(1_000);
        assertThat(inserted(ingestRole) - before).isEqualTo(1_000);
        assertThat(rows("llm_metrics", tenant.tenant())).isEqualTo(1_000);
        assertThat(store.forTenant("other-" + UUID.randomUUID())
                        .metrics()
                        .usageByModel(
                                MetricQuery.between(Instant.EPOCH, Instant.now().plus(1, ChronoUnit.DAYS))))
                .isEmpty();

        List<LlmRequestMetric> retried = new ArrayList<>(batch);
        retried.addAll(llm(10));
        assertThat(metrics.recordLlmBatch(retried)).as("only the 10 new rows").isEqualTo(10);
        assertThat(rows("llm_metrics", tenant.tenant())).isEqualTo(1_010);
    }

    @Test
    void should_copy_large_sample_batches_and_keep_small_batches_under_row_level_security() throws SQLException {
        AgentStore tenant = store.forTenant("ingest-" + UUID.randomUUID());
        long runtimeBefore = inserted(database.runtimeRole());
        long ingestBefore = inserted(ingestRole);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tenant.metrics()
                .recordSystemBatch(IntStream.range(0, 300)
                        .mapToObj(i -> new SystemSample(now.minusSeconds(i), "host-1", 10, 20, null, null, null))
                        .toList());
        tenant.metrics().recordLlmBatch(llm(5));

        assertThat(inserted(ingestRole) - ingestBefore).isEqualTo(300);
        assertThat(inserted(database.runtimeRole()) - runtimeBefore).isEqualTo(5);
        assertThat(rows("system_metrics", tenant.tenant())).isEqualTo(300);
    }

    @Test
    void should_copy_large_series_batches_as_the_ingest_role_into_their_tenant() throws SQLException {
        AgentStore tenant = store.forTenant("ingest-" + UUID.randomUUID());
        long ingestBefore = inserted(ingestRole);
        long runtimeBefore = inserted(database.runtimeRole());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tenant.metrics()
                .recordPoints(IntStream.range(0, 400)
                        .mapToObj(i -> SeriesPoint.of("queue.depth", now.minusSeconds(i), i)
                                .withLabel("queue", "q" + i % 4))
                        .toList());
        tenant.metrics().recordPoint(SeriesPoint.of("queue.depth", now, 1));

        assertThat(inserted(ingestRole) - ingestBefore).isEqualTo(400);
        assertThat(inserted(database.runtimeRole()) - runtimeBefore).isEqualTo(1);
        assertThat(rows("metric_series", tenant.tenant())).isEqualTo(401);
        assertThat(tenant.metrics()
                        .seriesOverTime(
                                SeriesQuery.of("queue.depth", now.minusSeconds(3_600), now.plusSeconds(1)),
                                TimeBucket.DAY,
                                List.of("queue")))
                .extracting(bucket -> bucket.stats().count())
                .containsExactly(1L, 100L, 100L, 100L, 100L);
    }

    @Test
    void should_let_the_ingest_role_insert_metrics_and_history_and_nothing_else() throws SQLException {
        try (Connection ingest = DriverManager.getConnection(database.url(), ingestRole, INGEST_PASSWORD);
                Statement statement = ingest.createStatement()) {
            for (String forbidden : List.of(
                    "select count(*) from agentstore.llm_metrics",
                    "delete from agentstore.llm_metrics",
                    "update agentstore.system_metrics set host = 'x'",
                    "select count(*) from agentstore.metric_series",
                    "delete from agentstore.metric_series",
                    "select count(*) from agentstore.messages",
                    "select count(*) from agentstore.users",
                    "delete from agentstore.messages",
                    "update agentstore.conversations set title = 'x'",
                    "insert into agentstore.agent_runs (tenant_id) values ('x')",
                    "select count(*) from agentstore_security.credentials",
                    "create table agentstore.intruder (id int)")) {
                assertThatThrownBy(() -> statement.execute(forbidden))
                        .as(forbidden)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
        assertThat(Secret.of(INGEST_PASSWORD).toString()).isEqualTo("****");
    }

    private static List<LlmRequestMetric> llm(int count) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(count);
        return IntStream.range(0, count)
                .mapToObj(i -> LlmRequestMetric.success(Ids.newId(), start.plusSeconds(i), "m", 10, 20, 100 + i))
                .toList();
    }

    private static long inserted(String role) throws SQLException {
        try (Connection admin = database.adminConnection();
                PreparedStatement count =
                        admin.prepareStatement("select count(*) from public.inserted_by where role = ?")) {
            count.setString(1, role);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long rows(String table, String tenant) throws SQLException {
        try (Connection admin = database.adminConnection();
                PreparedStatement count =
                        admin.prepareStatement("select count(*) from agentstore." + table + " where tenant_id = ?")) {
            count.setString(1, tenant);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
