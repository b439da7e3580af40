package dev.agentstore.postgres.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.AgentStoreException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.spi.Ids;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import dev.agentstore.usage.ApiCall;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL side of metrics that the contract suite cannot see: monthly partitions created ahead with
 * row-level security and no default partition, the COPY path for large batches (atomic, skipping recorded rows),
 * retention dropping whole partitions, and a partition dropped behind the store's back being recreated on write.
 * A database of its own, since retention drops months for every tenant.
 */
class MetricPartitionsIT {
    private static PostgresDatabase database;
    private static AgentStore store;

    @BeforeAll
    static void open() {
        database = PostgresDatabase.create(TestServers.postgres());
        // partition mechanics years away from now: the accepted window of recorded times opened wide
        store = AgentStore.open(database.storeConfig().toBuilder()
                .set("time-window.past", "P36500D")
                .set("time-window.future", "P36500D")
                .migrateOnOpen(true)
                .build());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void migrationCreatesTheCurrentMonthAndThreeAheadWithRowLevelSecurityAndNoDefault() throws SQLException {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        assertThat(partitionMonths("llm_metrics")).contains(now, now.plusMonths(1), now.plusMonths(3));
        assertThat(partitionMonths("system_metrics")).contains(now, now.plusMonths(3));
        assertThat(count("select count(*) from pg_partitioned_table t join pg_class c on c.oid = t.partrelid"
                        + " where c.relname in ('llm_metrics', 'system_metrics') and t.partdefid <> 0"))
                .isZero();
        assertThat(count("select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                        + " join pg_class p on p.oid = i.inhparent"
                        + " where p.relname in ('llm_metrics', 'system_metrics')"
                        + " and not (c.relrowsecurity and c.relforcerowsecurity)"))
                .isZero();
    }

    @Test
    void aBatchOfAThousandMonthsIsRefusedBeforeAnyPartitionIsCreated() throws SQLException {
        List<LlmRequestMetric> llm = new ArrayList<>();
        List<ApiCall> calls = new ArrayList<>();
        for (int month = 0; month < 1_000; month++) {
            Instant at = OffsetDateTime.parse("1970-01-15T00:00:00Z")
                    .plusMonths(month)
                    .toInstant();
            llm.add(LlmRequestMetric.success(Ids.newId(), at, "m", 1, 1, 1));
            calls.add(ApiCall.withKey(Ids.newId(), at, Ids.newId(), "/x", 200, 1));
        }
        long partitions = count("select count(*) from pg_inherits");

        AgentStore wide = tenant(); // this store accepts times a century either way: the partition cap refuses
        assertThatThrownBy(() -> wide.metrics().recordLlmBatch(llm))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 24");
        assertThatThrownBy(() -> wide.apiUsage().recordBatch(calls))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 24");
        try (AgentStore narrow = AgentStore.open(database.storeConfig())) { // the default window refuses first
            assertThatThrownBy(() -> narrow.forTenant("narrow").metrics().recordLlmBatch(llm))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("time-window.past");
        }

        assertThat(count("select count(*) from pg_inherits")).isEqualTo(partitions);
    }

    @Test
    void aLargeBatchGoesThroughCopyCreatesItsMonthsAheadAndSkipsRecordedMetrics() throws SQLException {
        AgentStore tenant = tenant();
        MetricsRepository metrics = tenant.metrics();
        Instant at = Instant.parse("2031-02-15T10:00:00Z");
        List<LlmRequestMetric> first = metrics(at, 1_000, "m");

        assertThat(metrics.recordLlmBatch(first)).isEqualTo(1_000);
        List<LlmRequestMetric> again = new ArrayList<>(first.subList(500, 1_000));
        again.addAll(metrics(at.plusSeconds(5_000), 700, "m"));
        assertThat(metrics.recordLlmBatch(again)).isEqualTo(700);
        metrics.recordSystemBatch(IntStream.range(0, 600)
                .mapToObj(i -> SystemSample.of(at.plusSeconds(i), "h" + i % 3, i % 100, 50))
                .toList());

        assertThat(rows("llm_metrics", tenant)).isEqualTo(1_700);
        assertThat(rows("system_metrics", tenant)).isEqualTo(600);
        assertThat(partitionMonths("llm_metrics"))
                .contains(YearMonth.of(2031, 2), YearMonth.of(2031, 3), YearMonth.of(2031, 5));
        assertThat(metrics.usageByModel(MetricQuery.between(at, at.plusSeconds(86_400)))
                        .get("m")
                        .requests())
                .isEqualTo(1_700);
    }

    @Test
    void aCopyBatchThatFailsOnItsLastRowWritesNothing() throws SQLException {
        AgentStore tenant = tenant();
        MetricsRepository metrics = tenant.metrics();
        List<LlmRequestMetric> batch = new ArrayList<>(metrics(Instant.parse("2031-03-01T00:00:00Z"), 999, "m"));
        batch.add(metrics(Instant.parse("2031-03-02T00:00:00Z"), 1, "poison").getFirst());
        database.executeAsAdmin("create function public.refuse_poison() returns trigger language plpgsql as"
                + " $$ begin if new.model = 'poison' then raise exception 'poisoned row'; end if; return new; end $$;"
                + " create trigger refuse_poison before insert on agentstore.llm_metrics"
                + " for each row execute function public.refuse_poison()");
        try {
            assertThatThrownBy(() -> metrics.recordLlmBatch(batch)).isInstanceOf(AgentStoreException.class);
        } finally {
            database.executeAsAdmin(
                    "drop trigger refuse_poison on agentstore.llm_metrics;" + " drop function public.refuse_poison()");
        }
        assertThat(rows("llm_metrics", tenant)).isZero();
    }

    @Test
    void retentionDropsWholeMonthsForEveryTenantKeepsSummariesAndMonthsComeBackOnWrite() throws SQLException {
        AgentStore tenant = tenant();
        MetricsRepository metrics = tenant.metrics();
        AgentStore otherTenant = tenant();
        MetricsRepository other = otherTenant.metrics();
        metrics.recordLlmBatch(metrics(Instant.parse("2020-01-10T00:00:00Z"), 3, "m"));
        other.recordLlmBatch(metrics(Instant.parse("2020-02-10T00:00:00Z"), 2, "m"));
        metrics.recordLlmBatch(metrics(Instant.parse("2020-03-10T00:00:00Z"), 4, "m"));
        metrics.rollupDay(LocalDate.of(2020, 1, 10));

        List<YearMonth> dropped = store.metricsRetention().dropMonthsBefore(Instant.parse("2020-03-10T00:00:00Z"));

        assertThat(dropped)
                .contains(YearMonth.of(2020, 1), YearMonth.of(2020, 2))
                .doesNotContain(YearMonth.of(2020, 3));
        assertThat(partitionMonths("llm_metrics")).doesNotContain(YearMonth.of(2020, 1), YearMonth.of(2020, 2));
        assertThat(partitionMonths("system_metrics")).doesNotContain(YearMonth.of(2020, 1));
        assertThat(rows("llm_metrics", tenant)).isEqualTo(4);
        assertThat(rows("llm_metrics", otherTenant)).isZero();
        assertThat(metrics.dailySummary(LocalDate.of(2020, 1, 10)))
                .hasValueSatisfying(s -> assertThat(s.usage().requests()).isEqualTo(3));

        assertThat(metrics.recordLlmBatch(metrics(Instant.parse("2020-01-11T00:00:00Z"), 1, "m")))
                .isEqualTo(1);
        assertThat(partitionMonths("llm_metrics")).contains(YearMonth.of(2020, 1));
    }

    @Test
    void aPartitionDroppedBehindTheStoresBackIsCreatedAgainWhenARowNeedsIt() throws SQLException {
        AgentStore tenant = tenant();
        MetricsRepository metrics = tenant.metrics();
        metrics.recordLlm(metrics(Instant.parse("2033-06-10T00:00:00Z"), 1, "m").getFirst());
        assertThat(partitionMonths("llm_metrics")).contains(YearMonth.of(2033, 7));
        database.executeAsAdmin(
                "drop table agentstore.llm_metrics_2033_07; drop table agentstore.system_metrics_2033_07");

        assertThat(metrics.recordLlm(
                        metrics(Instant.parse("2033-07-01T00:00:00Z"), 1, "m").getFirst()))
                .isTrue();
        metrics.recordSystem(SystemSample.of(Instant.parse("2033-07-02T00:00:00Z"), "h", 1, 1));

        assertThat(rows("llm_metrics", tenant)).isEqualTo(2);
        assertThat(rows("system_metrics", tenant)).isEqualTo(1);
        assertThat(partitionMonths("system_metrics")).contains(YearMonth.of(2033, 7));
    }

    private static AgentStore tenant() {
        return store.forTenant("metrics-" + UUID.randomUUID());
    }

    private static List<LlmRequestMetric> metrics(Instant from, int count, String model) {
        return IntStream.range(0, count)
                .mapToObj(i -> LlmRequestMetric.success(Ids.newId(), from.plusSeconds(i), model, 10, 20, 100 + i))
                .toList();
    }

    /** The rows of the repository's tenant, counted as the administrator (who bypasses row-level security). */
    private static long rows(String table, AgentStore tenant) throws SQLException {
        try (Connection admin = database.adminConnection();
                PreparedStatement count =
                        admin.prepareStatement("select count(*) from agentstore." + table + " where tenant_id = ?")) {
            count.setString(1, tenant.tenant());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Set<YearMonth> partitionMonths(String table) throws SQLException {
        Set<YearMonth> months = new TreeSet<>();
        try (Connection admin = database.adminConnection();
                PreparedStatement names = admin.prepareStatement(
                        "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                                + " join pg_class p on p.oid = i.inhparent where p.relname = ?")) {
            names.setString(1, table);
            try (ResultSet rows = names.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1).substring(table.length() + 1);
                    months.add(YearMonth.of(
                            Integer.parseInt(name.substring(0, name.indexOf('_'))),
                            Integer.parseInt(name.substring(name.indexOf('_') + 1))));
                }
            }
        }
        return months;
    }

    private static long count(String sql) throws SQLException {
        try (Connection admin = database.adminConnection();
                PreparedStatement statement = admin.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
