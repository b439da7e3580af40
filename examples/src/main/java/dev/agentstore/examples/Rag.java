package dev.agentstore.examples;

import dev.agentstore.AgentStore;
import dev.agentstore.PageRequest;
import dev.agentstore.StoreConfig;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.HybridSearchRequest;
import dev.agentstore.vector.IngestionStatus;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Retrieval-augmented generation's retrieval half: a travel guide ({@link TravelGuide}) is chunked by paragraph,
 * embedded in-process by the all-MiniLM-L6-v2 model (quantized, ONNX, shipped inside its Maven artifact: no
 * network and no API key), and stored in a vector collection with its city, topic and season as metadata.
 * Questions are then answered with the best matching passages: by meaning alone, with a metadata filter, and
 * with hybrid search, which fuses the vector ranking with a full-text one for questions that name things. Run it
 * with the command in the README; it uses the in-memory backend unless {@code AGENTSTORE_POSTGRES_URL} points at
 * a database with pgvector.
 */
public final class Rag {
    /** The collection the guide is stored in. */
    static final String COLLECTION = "norway_travel_guide";

    private final VectorRepository vectors;
    private final EmbeddingModel embeddings;
    private final PrintStream out;

    private Rag(VectorRepository vectors, EmbeddingModel embeddings, PrintStream out) {
        this.vectors = vectors;
        this.embeddings = embeddings;
        this.out = out;
    }

    /** Opens the store from the environment and runs the example with the in-process embedding model. */
    public static void main(String[] args) {
        try (AgentStore store = AgentStore.open(StoreConfig.fromEnvironment())) {
            run(store, new AllMiniLmL6V2QuantizedEmbeddingModel(), System.out);
        }
    }

    /** Ingests the guide into an open store and answers the example's questions, printing each answer. */
    public static void run(AgentStore store, EmbeddingModel embeddings, PrintStream out) {
        Rag rag = new Rag(store.vectors(), embeddings, out);
        rag.ingest(TravelGuide.documents());
        rag.answer("How do I get from the airport into the city?", null, "");
        rag.answer("Where can I go skiing?", Filter.eq("city", "Oslo"), " [city = Oslo]");
        rag.answer("Where can I go skiing?", Filter.eq("city", "Bergen"), " [city = Bergen]");
        rag.answer(
                "What should I do on a summer day?",
                Filter.and(Filter.eq("season", "summer"), Filter.ne("city", "Oslo")),
                " [season = summer, city != Oslo]");
        rag.answerHybrid("Which train goes down to the fjord?", "Flåm");
        rag.answerHybrid("When is it dark all day?", "polar night");
    }

    /**
     * Stores each document's chunks with {@code replaceDocument}: atomically, so a re-run (or a changed document)
     * replaces the old chunks instead of adding to them, and the document is marked ready in the same step.
     */
    private void ingest(List<TravelGuide.Document> documents) {
        if (vectors.findCollection(COLLECTION).isEmpty()) {
            vectors.createCollection(
                    CollectionSpec.of(COLLECTION, embeddings.dimension()).withEmbeddingModel("all-minilm-l6-v2-q"));
        }
        for (TravelGuide.Document document : documents) {
            vectors.startIngestion(COLLECTION, document.id());
            List<TextSegment> segments =
                    document.paragraphs().stream().map(TextSegment::from).toList();
            List<Embedding> vectorsOfParagraphs = embeddings.embedAll(segments).content();
            List<Chunk> chunks = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                chunks.add(new Chunk(
                        document.id() + "#" + (i + 1),
                        document.id(),
                        segments.get(i).text(),
                        vectorsOfParagraphs.get(i).vector(),
                        document.metadata()));
            }
            vectors.replaceDocument(COLLECTION, document.id(), chunks);
        }
        long ready = vectors.documents(COLLECTION, IngestionStatus.READY, PageRequest.first(100))
                .items()
                .size();
        out.printf(
                "ingested %d documents (%d ready) as %d chunks of %d dimensions%n",
                documents.size(), ready, vectors.count(COLLECTION), embeddings.dimension());
    }

    /** The best two passages for {@code question} among those passing {@code filter} (described by the label). */
    private void answer(String question, Filter filter, String filterLabel) {
        SearchRequest search = SearchRequest.of(query(question), 2).withFilter(filter);
        print(question + filterLabel, vectors.search(COLLECTION, search));
    }

    private void answerHybrid(String question, String words) {
        HybridSearchRequest hybrid = HybridSearchRequest.of(SearchRequest.of(query(question), 2), words);
        print(question + " [hybrid, words '" + words + "']", vectors.hybridSearch(COLLECTION, hybrid));
    }

    private float[] query(String question) {
        return embeddings.embed(question).content().vector();
    }

    private void print(String question, List<SearchMatch> matches) {
        out.printf("Q: %s%n", question);
        for (SearchMatch match : matches) {
            out.printf(
                    Locale.ROOT,
                    "  %.3f  %-20s %s%n",
                    match.score(),
                    match.chunk().id(),
                    firstSentence(match.chunk().content()));
        }
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
