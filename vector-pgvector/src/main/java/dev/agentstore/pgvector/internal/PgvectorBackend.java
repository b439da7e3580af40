package dev.agentstore.pgvector.internal;

import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
import dev.agentstore.postgres.spi.PostgresDsl;
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.PostgresMigrator;
import dev.agentstore.postgres.spi.PostgresPool;
import dev.agentstore.postgres.spi.RuntimeRole;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.vector.VectorRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.jooq.DSLContext;

/** The open pgvector backend: store-postgres's shared pool, the collection catalog, and repositories per tenant. */
public final class PgvectorBackend implements StoreBackend {
    private final StoreConfig config;
    private final Clock clock;
    private final DSLContext dsl;
    private final CollectionCatalog catalog;
    private final CollectionDdl ddl;
    private final BulkLoadPolicy bulkLoad;

    /** Opens the backend on the context's shared pool. */
    public PgvectorBackend(StoreContext context) {
        this.config = context.config();
        this.clock = context.clock();
        this.dsl = PostgresDsl.create(PostgresPool.shared(context), config.schema());
        this.catalog = new CollectionCatalog(cacheTtl(config));
        this.ddl = new CollectionDdl(config);
        this.bulkLoad = new BulkLoadPolicy(config);
        RuntimeRole.verify(dsl, config);
    }

    private static Duration cacheTtl(StoreConfig config) {
        String value = config.get("pgvector.collection-cache-ttl", "PT1S");
        try {
            Duration ttl = Duration.parse(value);
            if (!ttl.isNegative()) {
                return ttl;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new ConfigurationException(
                "pgvector.collection-cache-ttl must be an ISO-8601 duration of zero or more, but was '" + value + "'");
    }

    @Override
    public VectorRepository vectors(String tenant) {
        return new PgvectorRepository(new TenantSql(dsl, tenant), catalog, ddl, bulkLoad, clock);
    }

    @Override
    public void migrate() {
        boolean leakproofJsonb = Boolean.parseBoolean(config.get("pgvector.leakproof-jsonb", "false"));
        PostgresMigrator.migrate(
                config, (dataSource, schema) -> PgvectorMigrations.flyway(dataSource, schema, leakproofJsonb));
        RuntimeRole.verify(dsl, config);
    }

    @Override
    public String health() {
        return PostgresErrors.health(dsl);
    }

    /** The pool belongs to the store's context, which closes it. */
    @Override
    public void close() {}
}
