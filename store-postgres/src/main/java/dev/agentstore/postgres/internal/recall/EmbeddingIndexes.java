package dev.agentstore.postgres.internal.recall;

import static dev.agentstore.postgres.internal.jooq.Tables.MESSAGE_EMBEDDINGS;

import dev.agentstore.UnsupportedCapabilityException;
import dev.agentstore.postgres.spi.OwnerDdl;
import dev.agentstore.postgres.spi.PostgresSettings;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The HNSW index of each embedding dimension: a partial index on {@code embedding::vector(n)} for the rows of that
 * dimension, made by the schema owner when the first embedding of the dimension arrives, concurrently (appends and
 * other embeddings go on meanwhile). Without pgvector there is none, and recall ranks by text only; above pgvector's
 * HNSW limit of 2,000 dimensions a search compares exactly, row by row.
 */
public final class EmbeddingIndexes {
    /** The most dimensions pgvector's HNSW index takes for the vector type. */
    static final int MAX_INDEXED_DIMENSION = 2_000;

    private final PostgresSettings config;
    private final boolean pgvector;
    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();
    private volatile OwnerDdl ddl;

    /** The indexes of {@code config}'s schema; {@code runtime} tells whether pgvector is installed. */
    public EmbeddingIndexes(PostgresSettings config, DSLContext runtime) {
        this.config = config;
        this.pgvector = runtime.fetchExists(DSL.selectOne()
                .from(DSL.table(DSL.name("pg_catalog", "pg_extension")))
                .where(DSL.field(DSL.name("extname")).eq(DSL.inline("vector"))));
    }

    /** Refuses a search by vector when pgvector is not installed (a search by text works without). */
    public void requireVectorSearch() {
        if (!pgvector) {
            throw new UnsupportedCapabilityException(
                    "recall by vector needs the pgvector extension in the database; recall by text works without");
        }
    }

    /** Makes sure the dimension's index exists and is valid. */
    void ensure(int dimension) {
        if (!pgvector || dimension > MAX_INDEXED_DIMENSION || ready.contains(dimension)) {
            return;
        }
        synchronized (this) {
            if (ready.contains(dimension)) {
                return;
            }
            DSLContext owner = owner().dsl();
            String name = "message_embeddings_hnsw_" + dimension;
            Boolean valid = owner.select(DSL.field(DSL.name("i", "indisvalid"), Boolean.class))
                    .from(DSL.table(DSL.name("pg_catalog", "pg_index")).as("i"))
                    .join(DSL.table(DSL.name("pg_catalog", "pg_class")).as("c"))
                    .on(DSL.field(DSL.name("c", "oid")).eq(DSL.field(DSL.name("i", "indexrelid"))))
                    .join(DSL.table(DSL.name("pg_catalog", "pg_namespace")).as("n"))
                    .on(DSL.field(DSL.name("n", "oid")).eq(DSL.field(DSL.name("c", "relnamespace"))))
                    .where(
                            DSL.field(DSL.name("c", "relname")).eq(DSL.val(name)),
                            DSL.field(DSL.name("n", "nspname")).eq(DSL.val(config.schema())))
                    .fetchOne(0, Boolean.class);
            if (Boolean.FALSE.equals(valid)) {
                // a concurrent build that failed half-way leaves an invalid index behind: build it again
                owner.execute("drop index concurrently if exists {0}", DSL.name(config.schema(), name));
            }
            if (!Boolean.TRUE.equals(valid)) {
                owner.execute(
                        "create index concurrently if not exists {0} on {1} using hnsw ((embedding::vector({2}))"
                                + " vector_cosine_ops) where dimension = {2}",
                        DSL.name(name), MESSAGE_EMBEDDINGS, DSL.inline(dimension));
            }
            ready.add(dimension);
        }
    }

    private OwnerDdl owner() {
        if (ddl == null) {
            ddl = new OwnerDdl(config);
        }
        return ddl;
    }
}
