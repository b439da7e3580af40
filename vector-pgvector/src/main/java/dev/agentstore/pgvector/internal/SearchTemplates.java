package dev.agentstore.pgvector.internal;

import dev.agentstore.postgres.spi.SqlTemplate;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * The statements of unfiltered searches, rendered once per collection and reused: an unfiltered top-k search is the
 * hot path, and rendering and binding it through jOOQ on every call took about half of its Java time (a JFR profile,
 * 2026-12-03: 120 of 240 us of CPU per search). Shared by every tenant of the store (a collection's id belongs to
 * one tenant, and the tenant is a parameter). At most {@value #MAX_TEMPLATES} are kept; past that the cache starts
 * over, so a store with very many collections renders again rather than growing without bound.
 */
final class SearchTemplates {
    private static final int MAX_TEMPLATES = 4_096;

    private final DSLContext dsl;
    private final ConcurrentHashMap<Key, SqlTemplate> templates = new ConcurrentHashMap<>();

    /** Templates rendered for {@code dsl}'s schema. */
    SearchTemplates(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The unfiltered search of {@code collection}, with or without embeddings, approximate or exact: parameters
     * {@code vector}, {@code tenant} and {@code rows} (see {@link VectorSearch#unfiltered}).
     */
    SqlTemplate unfiltered(StoredCollection collection, boolean withEmbeddings, boolean exact) {
        Key key = new Key(collection.id(), withEmbeddings, exact);
        SqlTemplate template = templates.get(key);
        if (template == null) {
            if (templates.size() >= MAX_TEMPLATES) {
                templates.clear();
            }
            template = templates.computeIfAbsent(
                    key, k -> SqlTemplate.of(dsl, VectorSearch.unfiltered(dsl, collection, withEmbeddings, exact)));
        }
        return template;
    }

    private record Key(UUID collection, boolean withEmbeddings, boolean exact) {}
}
