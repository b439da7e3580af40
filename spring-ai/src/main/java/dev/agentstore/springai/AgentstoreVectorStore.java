package dev.agentstore.springai;

import dev.agentstore.springai.internal.FilterMapping;
import dev.agentstore.springai.internal.JsonValues;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.DistanceMetric;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.VectorRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.BatchingStrategy;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.TokenCountBatchingStrategy;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.Filter;

/**
 * Spring AI's {@link VectorStore} over one agentstore vector collection, on whichever backend serves vectors
 * (pgvector, or the in-memory default). Documents are embedded with the given {@link EmbeddingModel} and upserted by
 * id through agentstore's bulk path; every {@link Filter.Expression} (built, or parsed from the text filter language)
 * runs in SQL; {@code topK} and {@code similarityThreshold} are honoured, a match's score being its cosine similarity
 * (and its {@code distance} metadata one minus that, as Spring AI's pgvector store reports it).
 *
 * <pre>{@code
 * VectorStore store = AgentstoreVectorStore.builder(agentStore.vectors(), embeddingModel).collection("docs").build();
 * store.add(documents);
 * store.similaritySearch(SearchRequest.builder().query("night trains").topK(5)
 *         .filterExpression("country == 'NO' && year >= 2020").build());
 * }</pre>
 *
 * <p>{@link #getNativeClient()} returns the {@link VectorRepository}, for what Spring AI's interface does not cover
 * (hybrid search, document ingestion status). Thread-safe.
 */
public final class AgentstoreVectorStore implements VectorStore {
    /** The metadata key of a match's distance, as Spring AI's pgvector store names it. */
    public static final String DISTANCE = "distance";

    private final VectorRepository vectors;
    private final EmbeddingModel embeddingModel;
    private final CollectionSpec spec;
    private final BatchingStrategy batching;

    private AgentstoreVectorStore(
            VectorRepository vectors, EmbeddingModel embeddingModel, CollectionSpec spec, BatchingStrategy batching) {
        this.vectors = vectors;
        this.embeddingModel = embeddingModel;
        this.spec = spec;
        this.batching = batching;
    }

    /** A builder over {@code vectors} (typically {@code store.forTenant(tenant).vectors()}) and {@code embeddingModel}. */
    public static Builder builder(VectorRepository vectors, EmbeddingModel embeddingModel) {
        return new Builder(
                Objects.requireNonNull(vectors, "vectors"), Objects.requireNonNull(embeddingModel, "embeddingModel"));
    }

    @Override
    public String getName() {
        return "AgentstoreVectorStore";
    }

    /** Embeds the documents (text documents only) and upserts them by id, in one call of agentstore's bulk path. */
    @Override
    public void add(List<Document> documents) {
        Objects.requireNonNull(documents, "documents");
        if (documents.isEmpty()) {
            return;
        }
        for (Document document : documents) {
            if (!document.isText()) {
                throw new IllegalArgumentException(
                        "only text documents can be stored, not document " + document.getId());
            }
        }
        List<float[]> embeddings =
                embeddingModel.embed(documents, EmbeddingOptions.builder().build(), batching);
        List<Chunk> chunks = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            Document document = documents.get(i);
            chunks.add(Chunk.of(document.getId(), document.getText(), embeddings.get(i))
                    .withMetadata(JsonValues.of(document.getMetadata())));
        }
        vectors.upsert(spec.name(), chunks);
    }

    @Override
    public void delete(List<String> idList) {
        Objects.requireNonNull(idList, "idList");
        if (!idList.isEmpty()) {
            vectors.deleteByIds(spec.name(), idList);
        }
    }

    @Override
    public void delete(Filter.Expression filterExpression) {
        Objects.requireNonNull(filterExpression, "filterExpression");
        vectors.deleteByFilter(spec.name(), FilterMapping.toStore(filterExpression));
    }

    @Override
    public List<Document> similaritySearch(SearchRequest request) {
        Objects.requireNonNull(request, "request");
        float[] query = embeddingModel.embed(request.getQuery());
        dev.agentstore.vector.SearchRequest search = dev.agentstore.vector.SearchRequest.of(query, request.getTopK())
                .withMinScore(request.getSimilarityThreshold())
                .withFilter(FilterMapping.toStore(request.getFilterExpression()));
        List<Document> documents = new ArrayList<>();
        for (SearchMatch match : vectors.search(spec.name(), search)) {
            Map<String, Object> metadata = new HashMap<>(match.chunk().metadata());
            metadata.put(DISTANCE, 1 - match.score());
            documents.add(Document.builder()
                    .id(match.chunk().id())
                    .text(match.chunk().content())
                    .metadata(metadata)
                    .score(match.score())
                    .build());
        }
        return documents;
    }

    /** The agentstore {@link VectorRepository} behind this store. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getNativeClient() {
        return Optional.of((T) vectors);
    }

    /** Settings of an {@link AgentstoreVectorStore}. */
    public static final class Builder {
        private final VectorRepository vectors;
        private final EmbeddingModel embeddingModel;
        private String collection = "spring-ai";
        private Integer dimension;
        private IndexSettings index;
        private BatchingStrategy batching = new TokenCountBatchingStrategy();

        private Builder(VectorRepository vectors, EmbeddingModel embeddingModel) {
            this.vectors = vectors;
            this.embeddingModel = embeddingModel;
        }

        /** The collection's name (default {@code spring-ai}). */
        public Builder collection(String name) {
            this.collection = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The embeddings' dimension (default: asked of the embedding model). */
        public Builder dimension(int value) {
            this.dimension = value;
            return this;
        }

        /** The collection's approximate index (default agentstore's: HNSW). */
        public Builder index(IndexSettings value) {
            this.index = Objects.requireNonNull(value, "index");
            return this;
        }

        /** How documents are batched for the embedding model (default by token count, as Spring AI's stores do). */
        public Builder batchingStrategy(BatchingStrategy value) {
            this.batching = Objects.requireNonNull(value, "batchingStrategy");
            return this;
        }

        /** The store, its collection (cosine similarity) created first if missing. */
        public AgentstoreVectorStore build() {
            CollectionSpec spec = vectors.findCollection(collection).orElse(null);
            if (spec == null) {
                CollectionSpec wanted = CollectionSpec.of(
                                collection, dimension != null ? dimension : embeddingModel.dimensions())
                        .withMetric(DistanceMetric.COSINE);
                spec = vectors.findOrCreateCollection(index == null ? wanted : wanted.withIndex(index));
            }
            return new AgentstoreVectorStore(vectors, embeddingModel, spec, batching);
        }
    }
}
