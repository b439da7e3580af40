package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_COLLECTIONS;

import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.DistanceMetric;
import dev.agentstore.vector.ElementType;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.IndexType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Which collections each tenant has, read through the runtime role. Every vector operation needs its
 * collection's id and spec, so lookups are cached. This JVM's own creates and drops update the cache at once;
 * another JVM's drop and re-create of the same name is seen by re-reading: a lookup older than the time to live is
 * read again before use, except by a search, which uses it and is its own proof. A collection's id and spec never
 * change, and its chunks live in a partition of their own that a drop removes, so a search that finds any row
 * proves its lookup still current, and only a search that finds none needs the lookup read again (and the search
 * repeated if the name now stands for another collection). A search thus never waits for the catalog (measured:
 * the re-read once a second was most of a vector search's p99 in VectorBenchmark).
 */
final class CollectionCatalog {

    static final List<Field<?>> COLUMNS = List.of(
            VECTOR_COLLECTIONS.ID,
            VECTOR_COLLECTIONS.NAME,
            VECTOR_COLLECTIONS.DIMENSION,
            VECTOR_COLLECTIONS.METRIC,
            VECTOR_COLLECTIONS.INDEX_TYPE,
            VECTOR_COLLECTIONS.HNSW_M,
            VECTOR_COLLECTIONS.HNSW_EF_CONSTRUCTION,
            VECTOR_COLLECTIONS.IVFFLAT_LISTS,
            VECTOR_COLLECTIONS.ELEMENT_TYPE,
            VECTOR_COLLECTIONS.EMBEDDING_MODEL);

    private final long ttlNanos;
    private final ConcurrentHashMap<Key, Cached> cache = new ConcurrentHashMap<>();

    CollectionCatalog(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The tenant's collection named {@code name}, read again if the cached lookup is older than the TTL. */
    Optional<StoredCollection> find(TenantSql sql, String name) {
        Cached cached = cache.get(new Key(sql.tenant(), name));
        if (cached != null && System.nanoTime() - cached.readAt() < ttlNanos) {
            return Optional.of(cached.collection());
        }
        return reread(sql, name);
    }

    /**
     * The tenant's collection named {@code name} for a search: the cached lookup whatever its age, marked not
     * current when older than the TTL, so the search confirms it ({@link #remember}) or has it read again ({@link
     * #reread}).
     */
    Optional<Lookup> findForSearch(TenantSql sql, String name) {
        Cached cached = cache.get(new Key(sql.tenant(), name));
        if (cached != null) {
            return Optional.of(new Lookup(cached.collection(), System.nanoTime() - cached.readAt() < ttlNanos));
        }
        return reread(sql, name).map(c -> new Lookup(c, true));
    }

    /** Reads the lookup of {@code name} from the catalog, caching what it finds. */
    Optional<StoredCollection> reread(TenantSql sql, String name) {
        Optional<StoredCollection> found = read(sql, name);
        found.ifPresentOrElse(c -> remember(sql.tenant(), c), () -> forget(sql.tenant(), name));
        return found;
    }

    private Optional<StoredCollection> read(TenantSql sql, String name) {
        return sql
                .primaryReads()
                .fetch(DSL.select(COLUMNS)
                        .from(VECTOR_COLLECTIONS)
                        .where(VECTOR_COLLECTIONS.TENANT_ID.eq(sql.tenant()), VECTOR_COLLECTIONS.NAME.eq(name)))
                .stream()
                .findFirst()
                .map(CollectionCatalog::read);
    }

    /** The tenant's collections by name. */
    List<StoredCollection> list(TenantSql sql) {
        return sql
                .reads()
                .fetch(DSL.select(COLUMNS)
                        .from(VECTOR_COLLECTIONS)
                        .where(VECTOR_COLLECTIONS.TENANT_ID.eq(sql.tenant()))
                        .orderBy(VECTOR_COLLECTIONS.NAME))
                .stream()
                .map(CollectionCatalog::read)
                .toList();
    }

    /** Notes {@code collection} as current: this JVM just created it, or a search just found rows of it. */
    void remember(String tenant, StoredCollection collection) {
        cache.put(new Key(tenant, collection.spec().name()), new Cached(collection, System.nanoTime()));
    }

    /** Forgets a collection this JVM just dropped. */
    void forget(String tenant, String name) {
        cache.remove(new Key(tenant, name));
    }

    private static StoredCollection read(Record row) {
        IndexType type = IndexType.valueOf(row.get(VECTOR_COLLECTIONS.INDEX_TYPE));
        IndexSettings index = new IndexSettings(
                type,
                row.get(VECTOR_COLLECTIONS.HNSW_M),
                row.get(VECTOR_COLLECTIONS.HNSW_EF_CONSTRUCTION),
                row.get(VECTOR_COLLECTIONS.IVFFLAT_LISTS));
        CollectionSpec spec = new CollectionSpec(
                row.get(VECTOR_COLLECTIONS.NAME),
                row.get(VECTOR_COLLECTIONS.DIMENSION),
                DistanceMetric.valueOf(row.get(VECTOR_COLLECTIONS.METRIC)),
                index,
                ElementType.valueOf(row.get(VECTOR_COLLECTIONS.ELEMENT_TYPE)),
                row.get(VECTOR_COLLECTIONS.EMBEDDING_MODEL));
        return new StoredCollection(row.get(VECTOR_COLLECTIONS.ID), spec);
    }

    private record Key(String tenant, String name) {}

    /**
     * A collection as a search looks it up.
     *
     * @param collection the cached lookup
     * @param current whether it is younger than the TTL; if not, the search must confirm it or read it again
     */
    record Lookup(StoredCollection collection, boolean current) {}

    private record Cached(StoredCollection collection, long readAt) {}
}
