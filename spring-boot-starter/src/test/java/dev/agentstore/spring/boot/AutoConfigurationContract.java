package dev.agentstore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.springai.AgentstoreChatMemoryRepository;
import dev.agentstore.springai.AgentstoreVectorStore;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.vector.VectorRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.model.chat.memory.autoconfigure.ChatMemoryAutoConfiguration;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter on one backend: the store opened from {@code agentstore.*} properties and closed with the context, its
 * repositories as beans of the configured tenant, every bean backing off for the application's own, the health
 * indicator, and Spring AI's chat memory and vector store on agentstore. Subclasses name the backend's properties.
 */
abstract class AutoConfigurationContract {
    private static final AutoConfigurations STARTER = AutoConfigurations.of(
            AgentstoreAutoConfiguration.class,
            AgentstoreHealthAutoConfiguration.class,
            AgentstoreMetricsAutoConfiguration.class,
            AgentstoreChatMemoryAutoConfiguration.class,
            AgentstoreVectorStoreAutoConfiguration.class,
            ChatMemoryAutoConfiguration.class);

    /** The backend's settings, as {@code agentstore.*} application properties. */
    protected abstract Map<String, String> backendProperties();

    /** The provider ids the store's health reports for this backend. */
    protected abstract List<String> healthComponents();

    private ApplicationContextRunner runner() {
        List<String> pairs = new ArrayList<>();
        backendProperties().forEach((key, value) -> pairs.add(key + "=" + value));
        return new ApplicationContextRunner()
                .withConfiguration(STARTER)
                .withPropertyValues(pairs.toArray(String[]::new));
    }

    private static String tenant() {
        return "t-" + UUID.randomUUID();
    }

    @Test
    void should_list_every_auto_configuration_for_spring_boot_to_find() {
        List<String> listed = new ArrayList<>();
        ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .forEach(listed::add);

        assertThat(listed)
                .contains(
                        AgentstoreAutoConfiguration.class.getName(),
                        AgentstoreHealthAutoConfiguration.class.getName(),
                        AgentstoreMetricsAutoConfiguration.class.getName(),
                        AgentstoreChatMemoryAutoConfiguration.class.getName(),
                        AgentstoreVectorStoreAutoConfiguration.class.getName());
    }

    @Test
    void should_open_one_store_whose_repositories_serve_the_configured_tenant() {
        String tenant = tenant();
        runner().withPropertyValues("agentstore.defaultTenant=" + tenant).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AgentStore.class);
            AgentStore store = context.getBean(AgentStore.class);
            assertThat(store.tenant()).isEqualTo(tenant);

            User user = context.getBean(ConversationRepository.class).upsertUser(NewUser.of("web", "alice"));

            assertThat(store.forTenant(tenant).conversations().findUser(user.id()))
                    .isPresent();
            assertThat(store.forTenant(tenant()).conversations().findUser(user.id()))
                    .isEmpty();
            assertThat(context)
                    .hasSingleBean(SecurityRepository.class)
                    .hasSingleBean(VectorRepository.class)
                    .hasSingleBean(FeatureFlags.class);
        });
    }

    @Test
    void should_report_to_the_applications_meter_registry_and_open_without_micrometer() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        runner().withBean(MeterRegistry.class, () -> registry).run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(ConversationRepository.class).upsertUser(NewUser.of("web", "alice"));
            assertThat(registry.find("agentstore.operation")
                            .tags("capability", "conversations", "operation", "upsertUser", "outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(1);
        });
        runner().withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(AgentstoreBuilderCustomizer.class);
            context.getBean(ConversationRepository.class).upsertUser(NewUser.of("web", "bob"));
        });
    }

    @Test
    void should_close_the_store_with_the_context() {
        AtomicReference<AgentStore> opened = new AtomicReference<>();
        runner().run(context -> opened.set(context.getBean(AgentStore.class)));

        assertThatThrownBy(() -> opened.get().conversations().upsertUser(NewUser.of("web", "bob")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_refuse_to_start_on_an_invalid_setting_and_name_it() {
        runner().withPropertyValues("agentstore.postgres.pool-size=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("postgres.pool-size"));
    }

    @Test
    void should_use_the_applications_store_config_instead_of_the_properties() {
        String tenant = tenant();
        StoreConfig config = StoreConfig.fromMap(backendProperties()).toBuilder()
                .defaultTenant(tenant)
                .build();
        runner().withPropertyValues("agentstore.default-tenant=ignored")
                .withBean(StoreConfig.class, () -> config)
                .run(context ->
                        assertThat(context.getBean(AgentStore.class).tenant()).isEqualTo(tenant));
    }

    @Test
    void should_back_off_for_the_applications_store_and_repositories() {
        try (AgentStore own = AgentStore.open(StoreConfig.fromMap(backendProperties()))) {
            ConversationRepository ownConversations = own.forTenant(tenant()).conversations();
            runner().withBean(AgentStore.class, () -> own, definition -> definition.setDestroyMethodName(""))
                    .withBean(ConversationRepository.class, () -> ownConversations)
                    .run(context -> {
                        assertThat(context).hasSingleBean(AgentStore.class).hasSingleBean(ConversationRepository.class);
                        assertThat(context.getBean(AgentStore.class)).isSameAs(own);
                        assertThat(context.getBean(ConversationRepository.class))
                                .isSameAs(ownConversations);
                    });
            assertThat(own.health().isUp()).isTrue();
        }
    }

    @Test
    void should_report_every_backend_in_the_health_indicator() {
        runner().run(context -> {
            Health health = context.getBean(AgentstoreHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsOnlyKeys(healthComponents());
            assertThat(health.getDetails())
                    .allSatisfy((component, status) -> assertThat(status).isEqualTo("up"));
        });
    }

    @Test
    void should_report_a_closed_store_down() {
        runner().run(context -> {
            context.getBean(AgentStore.class).close();

            assertThat(context.getBean(AgentstoreHealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.DOWN);
        });
    }

    @Test
    void should_leave_out_the_health_indicator_when_switched_off_or_without_health_support() {
        runner().withPropertyValues("management.health.agentstore.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HealthIndicator.class));
        runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AgentstoreHealthIndicator.class));
    }

    @Test
    void should_keep_spring_ai_chat_memory_with_tool_calls_in_the_store() {
        String tenant = tenant();
        runner().withPropertyValues("agentstore.default-tenant=" + tenant).run(context -> {
            assertThat(context.getBean(ChatMemoryRepository.class)).isInstanceOf(AgentstoreChatMemoryRepository.class);
            ChatMemory memory = context.getBean(ChatMemory.class);

            memory.add("trip-42", List.of(new UserMessage("Book the night train to Bergen")));
            memory.add(
                    "trip-42",
                    List.of(AssistantMessage.builder()
                            .content("")
                            .toolCalls(List.of(new AssistantMessage.ToolCall(
                                    "call-1", "function", "bookTrain", "{\"to\":\"Bergen\"}")))
                            .build()));

            ConversationRepository conversations =
                    context.getBean(AgentStore.class).forTenant(tenant).conversations();
            Conversation conversation =
                    conversations.findConversationByKey("spring-ai:trip-42").orElseThrow();
            List<Message> history = conversations.lastMessages(conversation.id(), 10);
            assertThat(history).hasSize(2);
            assertThat(history.get(1).toolCalls())
                    .singleElement()
                    .satisfies(call -> assertThat(call.name()).isEqualTo("bookTrain"));
            assertThat(memory.get("trip-42")).hasSize(2);
        });
    }

    @Test
    void should_leave_chat_memory_to_the_application_or_to_spring_ai_without_the_adapter() {
        InMemoryChatMemoryRepository own = new InMemoryChatMemoryRepository();
        runner().withBean(ChatMemoryRepository.class, () -> own)
                .run(context ->
                        assertThat(context.getBean(ChatMemoryRepository.class)).isSameAs(own));
        runner().withClassLoader(new FilteredClassLoader(AgentstoreChatMemoryRepository.class))
                .run(context -> assertThat(context.getBean(ChatMemoryRepository.class))
                        .isInstanceOf(InMemoryChatMemoryRepository.class));
    }

    @Test
    void should_make_a_vector_store_of_the_configured_collection_when_there_is_an_embedding_model() {
        String tenant = tenant();
        runner().withPropertyValues(
                        "agentstore.default-tenant=" + tenant, "spring.ai.vectorstore.agentstore.collection=guides")
                .withBean(EmbeddingModel.class, HashingEmbeddingModel::new)
                .run(context -> {
                    VectorStore vectors = context.getBean(VectorStore.class);
                    assertThat(vectors).isInstanceOf(AgentstoreVectorStore.class);
                    vectors.add(List.of(
                            new Document("night train to bergen", Map.of("country", "NO")),
                            new Document("ferry to stockholm", Map.of("country", "SE"))));

                    List<Document> found = vectors.similaritySearch(SearchRequest.builder()
                            .query("train to bergen")
                            .topK(1)
                            .filterExpression("country == 'NO'")
                            .build());

                    assertThat(found)
                            .singleElement()
                            .satisfies(
                                    document -> assertThat(document.getText()).isEqualTo("night train to bergen"));
                    AgentStore store = context.getBean(AgentStore.class).forTenant(tenant);
                    assertThat(store.vectors().findCollection("guides"))
                            .hasValueSatisfying(
                                    spec -> assertThat(spec.dimension()).isEqualTo(HashingEmbeddingModel.DIMENSIONS));
                });
    }

    @Test
    void should_make_no_vector_store_without_an_embedding_model_or_when_another_type_is_chosen() {
        runner().run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(VectorStore.class));
        runner().withPropertyValues("spring.ai.vectorstore.type=pgvector")
                .withBean(EmbeddingModel.class, HashingEmbeddingModel::new)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(VectorStore.class));
    }

    @Test
    void should_back_off_for_the_applications_vector_store() {
        runner().withBean(EmbeddingModel.class, HashingEmbeddingModel::new)
                .withBean(
                        VectorStore.class,
                        () -> SimpleVectorStore.builder(new HashingEmbeddingModel())
                                .build())
                .run(context -> assertThat(context.getBean(VectorStore.class)).isInstanceOf(SimpleVectorStore.class));
    }
}
