package dev.agentstore.pgvector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.CitusCatalog;
import dev.agentstore.testkit.fixture.MigratedPostgres;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.vector.CollectionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Citus could distribute vector-pgvector's tables by {@code tenant_id}, co-located with store-postgres's, as
 * PostgreSQL's catalog shows after migrating both and creating a collection (Citus itself is not installed here);
 * and docs/citus.md distributes exactly those tables, in an order Citus accepts.
 */
class PgvectorCitusReadinessIT {
    private static final String[] SCHEMAS = {"agentstore", "agentstore_security"};
    private static final Pattern DISTRIBUTE = Pattern.compile("create_distributed_table\\('([a-z_.]+)'");

    private final PostgresDatabase database = MigratedPostgres.shared();

    @Test
    void should_key_every_table_by_tenant() throws Exception {
        try (AgentStore store = AgentStore.open(database.storeConfig())) {
            store.forTenant("citus-" + UUID.randomUUID()).vectors().createCollection(CollectionSpec.of("citus", 3));
        }
        try (Connection admin = database.adminConnection()) {
            assertThat(CitusCatalog.distributionProblems(admin, SCHEMAS)).isEmpty();
        }
    }

    @Test
    void should_list_every_table_in_docs_citus_in_an_order_citus_accepts() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "citus.md"));
        List<String> distributed = new ArrayList<>();
        Matcher call = DISTRIBUTE.matcher(guide);
        while (call.find()) {
            distributed.add(call.group(1));
        }
        try (Connection admin = database.adminConnection()) {
            assertThat(distributed).containsExactlyElementsOf(CitusCatalog.distributionOrder(admin, SCHEMAS));
            assertThat(guide)
                    .contains(CitusCatalog.partitionedTables(admin, SCHEMAS).stream()
                            .map(table -> "`" + table + "`")
                            .toList());
        }
    }
}
