package dev.agentstore.spring.boot;

import dev.agentstore.AgentStore;
import dev.agentstore.springai.AgentstoreChatMemoryRepository;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Spring AI's chat memory on agentstore: when Spring AI and {@code agentstore-spring-ai} are on the class path, an
 * {@link AgentstoreChatMemoryRepository} over the store's conversations becomes the {@link ChatMemoryRepository},
 * so Spring AI's {@code ChatMemory} (and with it the chat-memory advisors) keeps tool calls and the full history.
 * Backs off when the application defines its own repository.
 */
@AutoConfiguration(
        after = AgentstoreAutoConfiguration.class,
        beforeName = "org.springframework.ai.model.chat.memory.autoconfigure.ChatMemoryAutoConfiguration")
@ConditionalOnClass({ChatMemoryRepository.class, AgentstoreChatMemoryRepository.class})
@ConditionalOnBean(AgentStore.class)
public class AgentstoreChatMemoryAutoConfiguration {
    /** Creates the auto-configuration; Spring Boot does this. */
    public AgentstoreChatMemoryAutoConfiguration() {}

    /** The repository, on the store's default tenant. */
    @Bean
    @ConditionalOnMissingBean(ChatMemoryRepository.class)
    public AgentstoreChatMemoryRepository agentstoreChatMemoryRepository(AgentStore store) {
        return AgentstoreChatMemoryRepository.builder(store.conversations()).build();
    }
}
