package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.testkit.fixture.CitusCatalog;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * Citus could distribute every table of store-postgres by {@code tenant_id}, co-located, as PostgreSQL's catalog
 * shows after migrating (Citus itself is not installed here; docs/citus.md says what was and was not run).
 */
class PostgresCitusReadinessIT {
    private static final String[] SCHEMAS = {"agentstore", "agentstore_security"};
    private static final PostgresDatabase DATABASE = PostgresTestDatabase.shared();

    @Test
    void should_key_every_unique_constraint_and_foreign_key_by_tenant() throws Exception {
        try (Connection admin = DATABASE.adminConnection()) {
            assertThat(CitusCatalog.distributionProblems(admin, SCHEMAS)).isEmpty();
        }
    }

    @Test
    void should_name_each_table_that_breaks_a_rule() throws Exception {
        PostgresDatabase probe = PostgresTestDatabase.create();
        probe.executeAsAdmin("create schema probe;"
                + " create table probe.accounts (tenant_id text, id int, email text, primary key (tenant_id, id),"
                + " constraint accounts_email unique (email));"
                + " create table probe.keys (tenant_id text, id int primary key,"
                + " account int, foreign key (tenant_id, account) references probe.accounts (tenant_id, id));"
                + " create table probe.notes (tenant_id text, id int, primary key (tenant_id, id), email text,"
                + " constraint notes_account foreign key (email) references probe.accounts (email));"
                + " create table probe.settings (name text primary key)");
        try (Connection admin = probe.adminConnection()) {
            assertThat(CitusCatalog.distributionProblems(admin, "probe"))
                    .containsExactlyInAnyOrder(
                            "probe.settings: has no tenant_id column (only a reference table could hold it)",
                            "probe.accounts: unique index accounts_email does not contain tenant_id",
                            "probe.keys: primary key keys_pkey does not contain tenant_id",
                            "probe.settings: primary key settings_pkey does not contain tenant_id",
                            "probe.notes: foreign key notes_account to probe.accounts does not pair tenant_id with"
                                    + " tenant_id");
            assertThat(CitusCatalog.distributionOrder(admin, "probe"))
                    .containsExactly("probe.accounts", "probe.keys", "probe.notes", "probe.settings");
        }
    }
}
