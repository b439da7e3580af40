package dev.agentstore.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.internal.observe.StoreMeters;
import dev.agentstore.memory.MemoryStoreProvider;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachedConversationRepositoryTest {
    private final AgentStore store = AgentStore.inMemory();
    private final StoreContext context = new StoreContext(
            StoreConfig.builder().set("context-cache-size", "4").build(), Clock.systemUTC());
    private final StoreBackend cacheBackend = new MemoryStoreProvider().open(context);
    private final SwitchableCache cache = new SwitchableCache(cacheBackend.recentMessages("default"));
    private final ConversationRepository repo = new CachedConversationRepository(
            store.conversations(), store.conversations(), cache, Clock.systemUTC(), StoreMeters.NONE);
    private Conversation chat;

    @BeforeEach
    void createConversation() {
        var user = repo.upsertUser(NewUser.of("web", "alice"));
        chat = repo.createConversation(NewConversation.forUser(user.id()));
    }

    @AfterEach
    void close() {
        cacheBackend.close();
        context.close();
        store.close();
    }

    @Test
    void should_serve_repeated_reads_from_the_cache() {
        append("one", "two", "three");

        List<Message> first = repo.lastMessages(chat.id(), 2);
        List<Message> second = repo.lastMessages(chat.id(), 2);

        assertThat(second).isEqualTo(first);
        assertThat(contents(second)).containsExactly("two", "three");
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void should_keep_serving_hits_after_appends_written_through() {
        append("one");
        repo.lastMessages(chat.id(), 2);

        append("two", "three");

        assertThat(contents(repo.lastMessages(chat.id(), 3))).containsExactly("one", "two", "three");
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void should_read_past_the_cache_for_more_messages_than_it_keeps() {
        append("1", "2", "3", "4", "5", "6");
        repo.lastMessages(chat.id(), 4);

        assertThat(contents(repo.lastMessages(chat.id(), 6))).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(cache.hits()).isZero();
    }

    @Test
    void should_answer_from_the_source_while_the_cache_is_down() {
        append("before");
        repo.lastMessages(chat.id(), 2);
        cache.down();

        append("during");

        assertThat(contents(repo.lastMessages(chat.id(), 2))).containsExactly("before", "during");
    }

    @Test
    void should_never_serve_what_an_outage_made_stale() {
        append("before");
        repo.lastMessages(chat.id(), 2); // cached: [before]
        cache.down();
        append("during"); // write-through fails
        cache.up();

        assertThat(contents(repo.lastMessages(chat.id(), 2))).containsExactly("before", "during");
        assertThat(contents(repo.lastMessages(chat.id(), 2))).containsExactly("before", "during");
        assertThat(cache.hits()).isEqualTo(1);
    }

    private void append(String... contents) {
        for (String content : contents) {
            repo.append(chat.id(), NewMessage.user(content, 1));
        }
    }

    private static List<String> contents(List<Message> messages) {
        return messages.stream().map(Message::content).toList();
    }
}
