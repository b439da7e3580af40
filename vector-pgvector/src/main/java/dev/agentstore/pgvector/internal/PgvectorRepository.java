package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.postgres.spi.MetadataFilterSql;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.TenantSql.TransactionWork;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.Pages;
import dev.agentstore.spi.ReciprocalRankFusion;
import dev.agentstore.spi.RetrievalRecorder;
import dev.agentstore.spi.VectorDimensions;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.DocumentStatus;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.HybridSearchRequest;
import dev.agentstore.vector.IngestionStatus;
import dev.agentstore.vector.RetrievalStats;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** One tenant's vector collections in PostgreSQL with pgvector. Arguments arrive validated by core. */
final class PgvectorRepository implements VectorRepository, RetrievalRecorder {
    private final TenantSql sql;
    private final CollectionCatalog catalog;
    private final SearchTemplates templates;
    private final CollectionDdl ddl;
    private final BulkLoadPolicy bulkLoad;
    private final Clock clock;
    private final DocumentStatuses documents;
    private final RetrievalRows retrievals;

    PgvectorRepository(
            TenantSql sql,
            CollectionCatalog catalog,
            SearchTemplates templates,
            CollectionDdl ddl,
            BulkLoadPolicy bulkLoad,
            Clock clock) {
        this.sql = sql;
        this.catalog = catalog;
        this.templates = templates;
        this.ddl = ddl;
        this.bulkLoad = bulkLoad;
        this.clock = clock;
        this.documents = new DocumentStatuses(sql, clock);
        this.retrievals = new RetrievalRows(sql);
    }

    @Override
    public CollectionSpec createCollection(CollectionSpec spec) {
        var collection = ddl.create(sql.tenant(), spec, Ids.newId(clock), clock.instant());
        catalog.remember(sql.tenant(), collection);
        return spec;
    }

    @Override
    public Optional<CollectionSpec> findCollection(String name) {
        return catalog.find(sql, name).map(StoredCollection::spec);
    }

    @Override
    public List<CollectionSpec> listCollections() {
        return catalog.list(sql).stream().map(StoredCollection::spec).toList();
    }

    @Override
    public boolean dropCollection(String name) {
        catalog.forget(sql.tenant(), name);
        Optional<StoredCollection> collection = catalog.find(sql, name);
        collection.ifPresent(c -> ddl.drop(sql.tenant(), c));
        catalog.forget(sql.tenant(), name);
        return collection.isPresent();
    }

    @Override
    public void rebuildIndex(String collection) {
        ddl.rebuild(require(collection));
    }

    @Override
    public void upsert(String collection, List<Chunk> chunks) {
        var target = require(collection);
        write(target, chunks.size(), (connection, dsl) -> {
            ChunkWriter.upsert(connection, dsl, sql.tenant(), target, chunks, clock.instant());
            return null;
        });
    }

    @Override
    public void replaceDocument(String collection, String documentId, List<Chunk> chunks) {
        var target = require(collection);
        write(target, chunks.size(), (connection, dsl) -> {
            dsl.deleteFrom(VECTOR_CHUNKS)
                    .where(target.chunksOf(sql.tenant()), VECTOR_CHUNKS.DOCUMENT_ID.eq(documentId))
                    .execute();
            if (!chunks.isEmpty()) {
                ChunkWriter.upsert(connection, dsl, sql.tenant(), target, chunks, clock.instant());
            }
            documents.ready(dsl, target, documentId);
            return null;
        });
    }

    @Override
    public DocumentStatus startIngestion(String collection, String documentId) {
        return documents.start(require(collection), documentId);
    }

    @Override
    public DocumentStatus failIngestion(String collection, String documentId, String errorMessage) {
        return documents.fail(require(collection), documentId, errorMessage);
    }

    @Override
    public Optional<DocumentStatus> documentStatus(String collection, String documentId) {
        return documents.find(require(collection), documentId);
    }

    @Override
    public Page<DocumentStatus> documents(String collection, IngestionStatus status, PageRequest page) {
        return documents.page(require(collection), status, page);
    }

    @Override
    public List<Chunk> get(String collection, Collection<String> ids) {
        var target = require(collection);
        return sql.reads()
                .query(
                        DSL.select(ChunkColumns.WITH_EMBEDDING)
                                .from(VECTOR_CHUNKS)
                                .where(
                                        target.chunksOf(sql.tenant()),
                                        VECTOR_CHUNKS.ID.eq(DSL.any(ids.toArray(String[]::new)))),
                        ChunkColumns.READER);
    }

    @Override
    public Page<Chunk> list(String collection, Filter filter, PageRequest page) {
        var target = require(collection);
        Condition after =
                page.cursor() == null ? DSL.trueCondition() : VECTOR_CHUNKS.ID.gt(Cursors.decode(page.cursor()));
        List<Chunk> rows = sql.replicaReads()
                .query(
                        DSL.select(ChunkColumns.WITH_EMBEDDING)
                                .from(VECTOR_CHUNKS)
                                .where(
                                        target.chunksOf(sql.tenant()),
                                        after,
                                        MetadataFilterSql.of(VECTOR_CHUNKS.METADATA, filter))
                                .orderBy(VECTOR_CHUNKS.ID)
                                .limit(DSL.inline(page.limit() + 1)),
                        ChunkColumns.READER);
        return Pages.of(rows, page.limit(), Chunk::id);
    }

    @Override
    public long count(String collection) {
        var target = require(collection);
        return sql.replicaReads()
                .query(
                        DSL.selectCount().from(VECTOR_CHUNKS).where(target.chunksOf(sql.tenant())),
                        row -> row.getLong(1))
                .getFirst();
    }

    @Override
    public long deleteByIds(String collection, Collection<String> ids) {
        var target = require(collection);
        return delete(target, VECTOR_CHUNKS.ID.eq(DSL.any(ids.toArray(String[]::new))));
    }

    @Override
    public long deleteByDocument(String collection, String documentId) {
        var target = require(collection);
        return sql.transaction((connection, dsl) -> {
            documents.forget(dsl, target, documentId);
            retrievals.forget(dsl, target, documentId);
            return (long) dsl.deleteFrom(VECTOR_CHUNKS)
                    .where(target.chunksOf(sql.tenant()), VECTOR_CHUNKS.DOCUMENT_ID.eq(documentId))
                    .execute();
        });
    }

    @Override
    public long deleteByFilter(String collection, Filter filter) {
        return delete(require(collection), MetadataFilterSql.of(VECTOR_CHUNKS.METADATA, filter));
    }

    @Override
    public List<SearchMatch> search(String collection, SearchRequest request) {
        return searchConfirmed(
                collection, request.vector(), target -> VectorSearch.search(sql, templates, target, request));
    }

    @Override
    public List<SearchMatch> hybridSearch(String collection, HybridSearchRequest request) {
        SearchRequest vector = request.search();
        return searchConfirmed(collection, vector.vector(), target -> {
            List<SearchMatch> byVector =
                    VectorSearch.search(sql, templates, target, vector.withTopK(request.candidates()));
            List<SearchMatch> byText = TextRanking.rank(
                    sql, target, request.text(), vector.filter(), request.candidates(), vector.includeEmbeddings());
            return ReciprocalRankFusion.fuse(List.of(byVector, byText), request.rankConstant(), vector.topK());
        });
    }

    /**
     * Runs {@code search} on the collection named {@code name} as {@link CollectionCatalog} describes: on the cached
     * lookup whatever its age, which rows found confirm; when a lookup older than the TTL finds nothing (or the query
     * vector does not fit it), the lookup is read again and the search repeated if the name now stands for another
     * collection.
     */
    private List<SearchMatch> searchConfirmed(
            String name, float[] query, Function<StoredCollection, List<SearchMatch>> search) {
        CollectionCatalog.Lookup lookup = catalog.findForSearch(sql, name).orElseThrow(() -> notFound(name));
        StoredCollection target = lookup.collection();
        List<SearchMatch> found = null;
        if (lookup.current() || VectorDimensions.fits(query, target.spec())) {
            VectorDimensions.check("request.vector", query, target.spec());
            found = search.apply(target);
            if (lookup.current()) {
                return found;
            }
            if (!found.isEmpty()) {
                catalog.remember(sql.tenant(), target); // rows found: the lookup is current
                return found;
            }
        }
        StoredCollection now = catalog.reread(sql, name).orElseThrow(() -> notFound(name));
        if (found != null && now.id().equals(target.id())) {
            return found; // still the same collection: nothing there to find
        }
        VectorDimensions.check("request.vector", query, now.spec());
        return search.apply(now);
    }

    /** One atomic write of {@code rows} chunks: a bulk load around the index, or a transaction of the tenant. */
    private void write(StoredCollection target, int rows, TransactionWork<Void> work) {
        if (bulkLoad.appliesTo(sql, target, rows)) {
            ddl.loadWithoutIndex(sql.tenant(), target, work);
        } else {
            sql.transaction(work);
        }
    }

    private long delete(StoredCollection target, Condition condition) {
        return sql.fetch(DSL.deleteFrom(VECTOR_CHUNKS)
                        .where(target.chunksOf(sql.tenant()), condition)
                        .returning(VECTOR_CHUNKS.ID))
                .size();
    }

    /** Drops increments for a collection no longer there (dropped since the searches counted). */
    @Override
    public void recordRetrievals(String collection, List<RetrievalStats> increments) {
        catalog.find(sql, collection).ifPresent(target -> retrievals.add(target, increments));
    }

    @Override
    public Optional<RetrievalStats> documentRetrievals(String collection, String documentId) {
        return retrievals.document(require(collection), documentId);
    }

    @Override
    public List<RetrievalStats> chunkRetrievals(String collection, String documentId) {
        return retrievals.chunks(require(collection), documentId);
    }

    @Override
    public List<RetrievalStats> mostRetrievedDocuments(String collection, int limit) {
        return retrievals.mostRetrieved(require(collection), limit);
    }

    private StoredCollection require(String name) {
        return catalog.find(sql, name).orElseThrow(() -> notFound(name));
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("no vector collection named '" + name + "'");
    }
}
