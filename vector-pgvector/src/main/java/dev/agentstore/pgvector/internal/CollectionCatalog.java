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
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Which collections each tenant has, read through the runtime role. Every vector operation needs its
 * collection's id and spec, so lookups are cached. This JVM's own creates and drops update the cache at once;
 * another JVM's drop and re-create of the same name is seen through re-reads: a lookup younger than the time to
 * live is used as is; an older one is used while it is re-read in the background (one re-read at a time, on a
 * virtual thread), so a steady stream of searches never waits for the catalog (measured: a synchronous re-read
 * every second was most of a vector search's p99 in VectorBenchmark); one older than {@value #STALE_FACTOR} times
 * the time to live is re-read before use.
 */
final class CollectionCatalog {
    /** How many times the time to live a lookup may be used while a background re-read runs. */
    static final int STALE_FACTOR = 10;

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

    /** The tenant's collection named {@code name}. */
    Optional<StoredCollection> find(TenantSql sql, String name) {
        Key key = new Key(sql.tenant(), name);
        Cached cached = cache.get(key);
        if (cached != null) {
            long age = System.nanoTime() - cached.readAt();
            if (age < ttlNanos) {
                return Optional.of(cached.collection());
            }
            if (age < ttlNanos * STALE_FACTOR) {
                refreshInBackground(sql, key, cached);
                return Optional.of(cached.collection());
            }
        }
        Optional<StoredCollection> found = read(sql, name);
        found.ifPresentOrElse(c -> remember(sql.tenant(), c), () -> cache.remove(key));
        return found;
    }

    /**
     * Re-reads {@code cached} on a virtual thread unless a re-read is under way. The result replaces the entry only
     * if it is still {@code cached}: a drop or create by this JVM meanwhile wins. A failed re-read leaves the entry
     * to the next lookup (and to a re-read before use once it is too old).
     */
    private void refreshInBackground(TenantSql sql, Key key, Cached cached) {
        if (!cached.refreshing().compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("agentstore-collection-refresh").start(() -> {
            try {
                read(sql, key.name())
                        .ifPresentOrElse(c -> cache.replace(key, cached, fresh(c)), () -> cache.remove(key, cached));
            } catch (RuntimeException e) {
                cached.refreshing().set(false);
            }
        });
    }

    private Optional<StoredCollection> read(TenantSql sql, String name) {
        return sql
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
                .fetch(DSL.select(COLUMNS)
                        .from(VECTOR_COLLECTIONS)
                        .where(VECTOR_COLLECTIONS.TENANT_ID.eq(sql.tenant()))
                        .orderBy(VECTOR_COLLECTIONS.NAME))
                .stream()
                .map(CollectionCatalog::read)
                .toList();
    }

    /** Notes a collection this JVM just created. */
    void remember(String tenant, StoredCollection collection) {
        cache.put(new Key(tenant, collection.spec().name()), fresh(collection));
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

    private static Cached fresh(StoredCollection collection) {
        return new Cached(collection, System.nanoTime(), new AtomicBoolean());
    }

    /** A lookup, when it was read, and whether a background re-read of it is under way. */
    private record Cached(StoredCollection collection, long readAt, AtomicBoolean refreshing) {}
}
