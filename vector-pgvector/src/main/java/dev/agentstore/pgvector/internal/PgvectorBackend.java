package dev.agentstore.pgvector.internal;

import dev.agentstore.StoreConfig;
import dev.agentstore.postgres.internal.PostgresDsl;
import dev.agentstore.postgres.internal.PostgresErrors;
import dev.agentstore.postgres.internal.PostgresMigrator;
import dev.agentstore.postgres.internal.PostgresPool;
import dev.agentstore.postgres.internal.TenantSql;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.vector.VectorRepository;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** The open pgvector backend: store-postgres's shared pool, the collection catalog, and repositories per tenant. */
public final class PgvectorBackend implements StoreBackend {
    private final StoreConfig config;
    private final Clock clock;
    private final DSLContext dsl;
    private final CollectionCatalog catalog;
    private final CollectionDdl ddl;

    /** Opens the backend on the context's shared pool. */
    public PgvectorBackend(StoreContext context) {
        this.config = context.config();
        this.clock = context.clock();
        this.dsl = PostgresDsl.create(PostgresPool.shared(context), config.schema());
        this.catalog = new CollectionCatalog(Duration.parse(config.get("pgvector.collection-cache-ttl", "PT1S")));
        this.ddl = new CollectionDdl(config);
    }

    @Override
    public VectorRepository vectors(String tenant) {
        return new PgvectorRepository(new TenantSql(dsl, tenant), catalog, ddl, clock);
    }

    @Override
    public void migrate() {
        PostgresMigrator.migrate(config, PgvectorMigrations::flyway);
    }

    @Override
    public String health() {
        try {
            dsl.selectOne().fetch();
            return "up";
        } catch (DataAccessException e) {
            return "down: " + PostgresErrors.translate(e).getMessage();
        }
    }

    /** The pool belongs to the store's context, which closes it. */
    @Override
    public void close() {}
}
