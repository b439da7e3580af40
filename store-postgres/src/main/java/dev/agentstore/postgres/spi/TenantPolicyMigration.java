package dev.agentstore.postgres.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The Flyway migration that creates {@link TenantPolicy#FUNCTION}{@code (regclass)} in the schema being migrated,
 * at the version a module chooses: each module that migrates a schema of its own history adds it once (store-postgres
 * at 17 and security 3, vector-pgvector at 6), so the function exists whichever module migrates first, and every
 * later migration of the module may call it. The function's SQL is one resource, {@code apply_tenant_policy.sql};
 * its checksum is the migration's, so Flyway's validation notices a changed function like a changed script.
 */
public final class TenantPolicyMigration implements JavaMigration {
    private static final String SQL = readSql();

    private final MigrationVersion version;

    /** The migration at {@code version} of a module's migrations, e.g. {@code "6"}. */
    public TenantPolicyMigration(String version) {
        this.version = MigrationVersion.fromVersion(version);
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return "tenant policy function";
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(SQL.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(SQL);
        }
    }

    private static String readSql() {
        try (InputStream in = TenantPolicyMigration.class.getResourceAsStream("apply_tenant_policy.sql")) {
            if (in == null) {
                throw new IllegalStateException("apply_tenant_policy.sql is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
