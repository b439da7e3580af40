package dev.agentstore.pgvector.internal;

import dev.agentstore.Consistency;
import dev.agentstore.postgres.spi.PostgresDsl;
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.PostgresMigrator;
import dev.agentstore.postgres.spi.PostgresPool;
import dev.agentstore.postgres.spi.PostgresSettings;
import dev.agentstore.postgres.spi.ReplicaSet;
import dev.agentstore.postgres.spi.RuntimeRole;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.vector.VectorRepository;
import java.time.Clock;
import java.util.Map;
import org.jooq.DSLContext;

/** The open pgvector backend: store-postgres's shared pool, the collection catalog, and repositories per tenant. */
public final class PgvectorBackend implements StoreBackend {
    private final PostgresSettings config;
    private final PgvectorSettings settings;
    private final Clock clock;
    private final DSLContext dsl;
    private final CollectionCatalog catalog;
    private final SearchTemplates templates;
    private final CollectionDdl ddl;
    private final BulkLoadPolicy bulkLoad;
    private final ReplicaSet replicas;
    private final Consistency consistency;

    /** Opens the backend on the context's shared pool. */
    public PgvectorBackend(StoreContext context) {
        this.config = PostgresSettings.of(context);
        this.settings = PgvectorSettings.read(context.config());
        this.clock = context.clock();
        this.dsl = PostgresDsl.create(PostgresPool.shared(context), config.schema());
        this.catalog = new CollectionCatalog(settings.collectionCacheTtl());
        this.templates = new SearchTemplates(dsl);
        this.ddl = new CollectionDdl(config, settings.maintenanceWorkMem());
        this.bulkLoad = new BulkLoadPolicy(settings.bulkLoadRows());
        RuntimeRole.verify(dsl, config);
        this.replicas = ReplicaSet.shared(context);
        this.consistency = Consistency.DEFAULT;
    }

    /** The same backend with its reads answered as {@code consistency} says. */
    private PgvectorBackend(PgvectorBackend base, Consistency consistency) {
        this.config = base.config;
        this.settings = base.settings;
        this.clock = base.clock;
        this.dsl = base.dsl;
        this.catalog = base.catalog;
        this.templates = base.templates;
        this.ddl = base.ddl;
        this.bulkLoad = base.bulkLoad;
        this.replicas = base.replicas;
        this.consistency = consistency;
    }

    /** Searches and listings on a read replica unless {@code consistency} asks for read-your-writes. */
    @Override
    public StoreBackend withConsistency(Consistency consistency) {
        return consistency == this.consistency ? this : new PgvectorBackend(this, consistency);
    }

    @Override
    public VectorRepository vectors(String tenant) {
        return new PgvectorRepository(
                new TenantSql(dsl, tenant, replicas, consistency), catalog, templates, ddl, bulkLoad, clock);
    }

    @Override
    public void migrate() {
        boolean leakproofJsonb = settings.leakproofJsonb();
        PostgresMigrator.migrate(
                config, (dataSource, schema) -> PgvectorMigrations.flyway(dataSource, schema, leakproofJsonb));
        RuntimeRole.verify(dsl, config);
    }

    @Override
    public String health() {
        return PostgresErrors.health(dsl);
    }

    /** Each read replica's state: in use, or skipped and why (the primary answers meanwhile). */
    @Override
    public Map<String, String> healthDetails() {
        return replicas.status();
    }

    /** The pool belongs to the store's context, which closes it. */
    @Override
    public void close() {}
}
