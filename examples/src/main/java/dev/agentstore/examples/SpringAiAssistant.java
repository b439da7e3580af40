package dev.agentstore.examples;

import dev.agentstore.AgentStore;
import dev.agentstore.spring.boot.AgentstoreHealthIndicator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application on {@code agentstore-spring-boot-starter}: the starter opens the store from
 * {@code agentstore.*} properties (or {@code AGENTSTORE_*} variables; in memory when none are set) and provides the
 * {@link VectorStore} and the {@link ChatMemoryRepository} behind Spring AI's {@link ChatMemory}; the application
 * only declares its models and its {@link ChatClient}. The travel guide goes into the vector store, a traveller asks
 * three questions with the chat-memory advisor on, and the application prints the answers, the memory agentstore
 * kept and the store's health. The chat model is a scripted stand-in ({@link ScriptedSpringChatModel}), the
 * embedding model the in-process all-MiniLM-L6-v2, so it runs offline.
 */
@SpringBootApplication
public class SpringAiAssistant {
    /** Creates the application's configuration; Spring does this. */
    public SpringAiAssistant() {}

    /** The embedding model the starter's vector store uses. */
    @Bean
    EmbeddingModel embeddingModel() {
        return new MiniLmEmbeddingModel();
    }

    /** The chat model: a scripted stand-in. */
    @Bean
    ChatModel chatModel() {
        return new ScriptedSpringChatModel();
    }

    /** The chat client, remembering each conversation through Spring AI's chat memory (kept by agentstore). */
    @Bean
    ChatClient chatClient(ChatModel chatModel, ChatMemory chatMemory) {
        return ChatClient.builder(chatModel)
                .defaultAdvisors(MessageChatMemoryAdvisor.builder(chatMemory).build())
                .build();
    }

    /** Runs the application with its command-line arguments (e.g. {@code --agentstore.postgres.url=...}). */
    public static void main(String[] args) {
        run(args, System.out);
    }

    /** Starts the application with {@code args}, runs the conversation, prints to {@code out}, and stops. */
    public static void run(String[] args, PrintStream out) {
        SpringApplication application = new SpringApplication(SpringAiAssistant.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = application.run(args)) {
            VectorStore guide = context.getBean(VectorStore.class);
            guide.add(documents()); // by id: a re-run replaces the passages
            ChatClient chat = context.getBean(ChatClient.class);
            for (String question : List.of(
                    "How do I get from the airport into the city?",
                    "Which train goes down to the fjord?",
                    "When is it dark all day?")) {
                String passage = guide.similaritySearch(
                                SearchRequest.builder().query(question).topK(1).build())
                        .getFirst()
                        .getText();
                String answer = chat.prompt()
                        .system(ScriptedSpringChatModel.PASSAGE + passage)
                        .user(question)
                        .advisors(advisor -> advisor.param(ChatMemory.CONVERSATION_ID, "ada"))
                        .call()
                        .content();
                out.println("Q: " + question);
                out.println("A: " + answer);
            }
            ChatMemoryRepository memory = context.getBean(ChatMemoryRepository.class);
            AgentStore store = context.getBean(AgentStore.class);
            var conversation =
                    store.conversations().findConversationByKey("spring-ai:ada").orElseThrow();
            out.println("chat memory: " + memory.getClass().getSimpleName() + ", conversations "
                    + memory.findConversationIds() + ", "
                    + memory.findByConversationId("ada").size()
                    + " messages; agentstore conversation " + conversation.externalKey());
            out.println("health: "
                    + context.getBean(AgentstoreHealthIndicator.class).health().getStatus() + " "
                    + new java.util.TreeMap<>(store.health().components()));
        }
    }

    /** Each paragraph of the guide as one document, with its document's metadata and a stable id. */
    private static List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        for (TravelGuide.Document document : TravelGuide.documents()) {
            for (int i = 0; i < document.paragraphs().size(); i++) {
                documents.add(Document.builder()
                        .id(document.id() + "#" + (i + 1))
                        .text(document.paragraphs().get(i))
                        .metadata(document.metadata())
                        .build());
            }
        }
        return documents;
    }
}
