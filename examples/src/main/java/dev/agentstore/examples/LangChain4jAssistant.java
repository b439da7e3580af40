package dev.agentstore.examples;

import dev.agentstore.AgentStore;
import dev.agentstore.PageRequest;
import dev.agentstore.StoreConfig;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.langchain4j.AgentstoreChatMemoryStore;
import dev.agentstore.langchain4j.AgentstoreEmbeddingStore;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A LangChain4j {@code AiServices} assistant whose chat memory and retrieval both live in agentstore: the travel
 * guide is embedded in-process into an {@link AgentstoreEmbeddingStore}, each traveller's memory is a 6-message
 * {@code MessageWindowChatMemory} over an {@link AgentstoreChatMemoryStore}, and a booking tool shows tool calls
 * kept. The model is a scripted stand-in ({@link ScriptedChatModel}), so it runs offline. At the end it prints what
 * the memory window still holds beside the whole history agentstore kept (evicted turns, tool calls and results).
 */
public final class LangChain4jAssistant {
    /** The collection the guide is stored in. */
    static final String COLLECTION = "langchain4j_travel_guide";

    /** The assistant LangChain4j implements: one memory per traveller. */
    interface Assistant {
        String chat(@MemoryId String traveller, @UserMessage String question);
    }

    /** The tool the model may call. */
    static final class Bookings {
        @Tool("Books a seat on a train between two cities")
        String bookTrain(@P("departure city") String from, @P("arrival city") String to) {
            return "seat 42 booked from " + from + " to " + to + ", reference NSB-1001";
        }
    }

    private LangChain4jAssistant() {}

    /** Opens the store from the environment and runs the example with the in-process embedding model. */
    public static void main(String[] args) {
        try (AgentStore store = AgentStore.open(StoreConfig.fromEnvironment())) {
            run(store, new AllMiniLmL6V2QuantizedEmbeddingModel(), System.out);
        }
    }

    /** Builds the assistant on an open store, has one traveller ask five questions, and prints what was kept. */
    public static void run(AgentStore store, EmbeddingModel embeddings, PrintStream out) {
        EmbeddingStore<TextSegment> guide = AgentstoreEmbeddingStore.builder(store.vectors())
                .collection(COLLECTION)
                .dimension(embeddings.dimension())
                .build();
        guide.removeAll(); // a re-run starts from the guide as shipped
        ingest(guide, embeddings);

        ChatMemoryStore memories =
                AgentstoreChatMemoryStore.builder(store.conversations()).build();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(new ScriptedChatModel())
                .chatMemoryProvider(traveller -> MessageWindowChatMemory.builder()
                        .id(traveller)
                        .maxMessages(6)
                        .chatMemoryStore(memories)
                        .build())
                .contentRetriever(EmbeddingStoreContentRetriever.builder()
                        .embeddingStore(guide)
                        .embeddingModel(embeddings)
                        .maxResults(1)
                        .build())
                .tools(new Bookings())
                .build();

        for (String question : List.of(
                "How do I get from the airport into the city?",
                "Which train goes down to the fjord?",
                "Please book me a train from Oslo to Bergen.",
                "When is it dark all day?",
                "Where can I see whales?")) {
            out.println("Q: " + question);
            out.println("A: " + assistant.chat("ada", question));
        }
        report(store.conversations(), memories, out);
    }

    /** Each paragraph of the guide as one segment, with its document's metadata. */
    private static void ingest(EmbeddingStore<TextSegment> guide, EmbeddingModel embeddings) {
        List<TextSegment> segments = new ArrayList<>();
        for (TravelGuide.Document document : TravelGuide.documents()) {
            for (String paragraph : document.paragraphs()) {
                segments.add(TextSegment.from(paragraph, Metadata.from(document.metadata())));
            }
        }
        List<Embedding> vectors = embeddings.embedAll(segments).content();
        guide.addAll(vectors, segments);
    }

    private static void report(ConversationRepository conversations, ChatMemoryStore memories, PrintStream out) {
        out.println("memory window: " + memories.getMessages("ada").size() + " messages");
        var conversation =
                conversations.findConversationByKey("langchain4j:ada").orElseThrow();
        List<Message> history = conversations
                .history(conversation.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(100))
                .items();
        out.println("history kept by agentstore: " + history.size() + " messages");
        for (Message message : history) {
            String calls = message.toolCalls().stream()
                    .map(ToolCall::name)
                    .collect(Collectors.joining(", ", " -> calls ", ""));
            out.printf(
                    "  #%d %s %s%s%n",
                    message.sequence(),
                    message.role(),
                    abbreviated(message.content()),
                    message.toolCalls().isEmpty() ? "" : calls);
        }
    }

    private static String abbreviated(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ");
        return line.length() <= 70 ? line : line.substring(0, 67) + "...";
    }
}
