package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;
import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_COLLECTIONS;

import dev.agentstore.ConflictException;
import dev.agentstore.postgres.spi.OwnerDdl;
import dev.agentstore.postgres.spi.PostgresDsl;
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.PostgresSettings;
import dev.agentstore.postgres.spi.TenantPolicy;
import dev.agentstore.postgres.spi.TenantSql.TransactionWork;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.IndexType;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The schema changes a collection brings: its chunks partition (with row-level security like every agentstore
 * table) and its approximate index. They need the schema owner, so they run on a connection of their own as
 * {@link OwnerDdl}; creating and dropping a collection is one transaction there, catalog row included, so a
 * failure leaves nothing behind. Identifiers derive from the collection's id and parameters are integers from a
 * validated spec: no user text reaches the DDL.
 */
final class CollectionDdl {
    private final OwnerDdl owner;
    private final String schema;
    private final String maintenanceWorkMem;

    CollectionDdl(PostgresSettings config, String maintenanceWorkMem) {
        this.owner = new OwnerDdl(config);
        this.schema = config.schema();
        this.maintenanceWorkMem = maintenanceWorkMem;
    }

    /** Creates the catalog row, the partition and the index at once. */
    StoredCollection create(String tenant, CollectionSpec spec, UUID id, Instant now) {
        StoredCollection collection = new StoredCollection(id, spec);
        try {
            owner.transaction(tenant, (connection, dsl) -> {
                dsl.insertInto(VECTOR_COLLECTIONS)
                        .set(VECTOR_COLLECTIONS.TENANT_ID, tenant)
                        .set(VECTOR_COLLECTIONS.ID, id)
                        .set(VECTOR_COLLECTIONS.NAME, spec.name())
                        .set(VECTOR_COLLECTIONS.DIMENSION, spec.dimension())
                        .set(VECTOR_COLLECTIONS.METRIC, spec.metric().name())
                        .set(VECTOR_COLLECTIONS.ELEMENT_TYPE, spec.elementType().name())
                        .set(VECTOR_COLLECTIONS.INDEX_TYPE, spec.index().type().name())
                        .set(VECTOR_COLLECTIONS.HNSW_M, spec.index().m())
                        .set(
                                VECTOR_COLLECTIONS.HNSW_EF_CONSTRUCTION,
                                spec.index().efConstruction())
                        .set(VECTOR_COLLECTIONS.IVFFLAT_LISTS, spec.index().lists())
                        .set(VECTOR_COLLECTIONS.EMBEDDING_MODEL, spec.embeddingModel())
                        .set(VECTOR_COLLECTIONS.CREATED_AT, now)
                        .execute();
                createPartition(dsl, collection);
                createIndex(dsl, collection);
                return null;
            });
        } catch (ConflictException e) {
            throw new ConflictException("a vector collection named '" + spec.name() + "' already exists", e);
        }
        return collection;
    }

    /** Drops the partition (its rows go with it, no row-by-row delete) and the catalog row at once. */
    void drop(String tenant, StoredCollection collection) {
        owner.transaction(tenant, (connection, dsl) -> {
            dsl.execute("drop table if exists {0}", partition(collection));
            return dsl.deleteFrom(VECTOR_COLLECTIONS)
                    .where(VECTOR_COLLECTIONS.TENANT_ID.eq(tenant), VECTOR_COLLECTIONS.ID.eq(collection.id()))
                    .execute();
        });
    }

    /**
     * Runs {@code load} (a write of this tenant's chunks) as the schema owner in one transaction that drops the
     * collection's index first and builds it again over all rows afterwards (see {@link BulkLoadPolicy}). A
     * failure anywhere rolls back the load and the index together; readers of the collection wait until it
     * commits, readers of other collections do not.
     */
    void loadWithoutIndex(String tenant, StoredCollection collection, TransactionWork<?> load) {
        owner.transaction(tenant, (connection, dsl) -> {
            dsl.execute("drop index if exists {0}", DSL.name(schema, collection.index()));
            load.run(connection, dsl);
            dsl.execute("select set_config('maintenance_work_mem', {0}, true)", DSL.val(maintenanceWorkMem));
            createIndex(dsl, collection);
            return null;
        });
    }

    /** Rebuilds the collection's index from its rows with {@code REINDEX CONCURRENTLY}: writes go on meanwhile. */
    void rebuild(StoredCollection collection) {
        if (collection.spec().index().type() == IndexType.NONE) {
            return;
        }
        try {
            owner.dsl().connection(connection -> {
                DSLContext dsl = PostgresDsl.create(connection, schema);
                // REINDEX CONCURRENTLY refuses a transaction block, so the setting is the session's: reset after, so
                // that a server connection a pooler (PgBouncer) hands on does not keep it.
                dsl.execute("select set_config('maintenance_work_mem', {0}, false)", DSL.val(maintenanceWorkMem));
                try {
                    dsl.execute("reindex index concurrently {0}", DSL.name(schema, collection.index()));
                } finally {
                    dsl.execute("reset maintenance_work_mem");
                }
            });
        } catch (DataAccessException e) {
            throw PostgresErrors.translate(e);
        }
    }

    private void createPartition(DSLContext dsl, StoredCollection collection) {
        Name partition = partition(collection);
        dsl.execute(
                "create table {0} partition of {1} for values in ({2})",
                partition, VECTOR_CHUNKS, DSL.inline(collection.id()));
        TenantPolicy.apply(dsl, partition);
    }

    private void createIndex(DSLContext dsl, StoredCollection collection) {
        IndexSettings index = collection.spec().index();
        Distances distances = new Distances(collection.spec());
        switch (index.type()) {
            case HNSW ->
                dsl.execute(
                        "create index {0} on {1} using hnsw ({2} {3}) with (m = {4}, ef_construction = {5})",
                        DSL.name(collection.index()),
                        partition(collection),
                        distances.indexed(),
                        distances.operatorClass(),
                        DSL.inline(index.m()),
                        DSL.inline(index.efConstruction()));
            case IVFFLAT ->
                dsl.execute(
                        "create index {0} on {1} using ivfflat ({2} {3}) with (lists = {4})",
                        DSL.name(collection.index()),
                        partition(collection),
                        distances.indexed(),
                        distances.operatorClass(),
                        DSL.inline(index.lists()));
            case NONE -> {
                // exact search scans the partition
            }
        }
    }

    private Name partition(StoredCollection collection) {
        return DSL.name(schema, collection.partition());
    }
}
