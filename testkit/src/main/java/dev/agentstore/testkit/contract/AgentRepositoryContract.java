package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.agent.AgentDefinition;
import dev.agentstore.agent.AgentRepository;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.agent.AgentStatus;
import dev.agentstore.agent.ChannelDefaults;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Agent definitions (unique names per owner, optimistic concurrency, listings) and channel defaults. */
public abstract class AgentRepositoryContract extends StoreContract {

    private AgentRepository agents() {
        return store.agents();
    }

    private UUID user(String name) {
        return store.conversations().upsertUser(NewUser.of("web", name)).id();
    }

    @Test
    void should_define_find_and_update_with_optimistic_concurrency() {
        UUID ann = user("ann");
        AgentSpec spec = AgentSpec.builder(ann, "helper", "gpt-4o")
                .description("answers questions")
                .temperature(0.3)
                .systemPrompt("Be brief.")
                .welcomeMessage("Hi!")
                .configuration(Map.of("tools", List.of("search")))
                .build();
        AgentDefinition defined = agents().define(spec);
        assertThat(defined.version()).isEqualTo(1);
        assertThat(defined.spec()).isEqualTo(spec);
        assertThat(agents().find(defined.id())).contains(defined);
        assertThat(agents().findByName(ann, "helper")).contains(defined);

        clock.advance(Duration.ofMinutes(1));
        AgentDefinition updated = agents().update(
                        defined.id(),
                        1,
                        spec.toBuilder().status(AgentStatus.PUBLISHED).build());
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(updated.createdAt()).isEqualTo(defined.createdAt());
        assertThatThrownBy(() -> agents().update(defined.id(), 1, spec))
                .as("a stale version")
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> agents().update(
                                defined.id(),
                                2,
                                AgentSpec.builder(user("ben"), "helper", "m").build()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> agents().update(UUID.randomUUID(), 1, spec)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_keep_names_unique_per_owner_only() {
        UUID ann = user("ann");
        UUID ben = user("ben");
        agents().define(AgentSpec.builder(ann, "helper", "m").build());
        assertThatThrownBy(() -> agents().define(
                                AgentSpec.builder(ann, "helper", "other").build()))
                .isInstanceOf(ConflictException.class);
        agents().define(AgentSpec.builder(ben, "helper", "m").build());
        AgentDefinition second =
                agents().define(AgentSpec.builder(ann, "second", "m").build());
        assertThatThrownBy(() -> agents().update(
                                second.id(),
                                1,
                                second.spec().toBuilder().name("helper").build()))
                .as("renaming onto another of the owner's agents")
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> agents().define(
                                AgentSpec.builder(UUID.randomUUID(), "x", "m").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(
                        () -> AgentSpec.builder(ann, "x", "m").temperature(2.5).build())
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void should_list_by_owner_and_public_ones_by_name_in_pages() {
        UUID ann = user("ann");
        for (String name : List.of("delta", "alpha", "charlie", "bravo")) {
            agents().define(AgentSpec.builder(ann, name, "m")
                    .publicAgent(!name.equals("charlie"))
                    .status(name.equals("delta") ? AgentStatus.DRAFT : AgentStatus.PUBLISHED)
                    .build());
        }
        agents().define(AgentSpec.builder(user("ben"), "echo", "m").build());

        Page<AgentDefinition> first = agents().listByOwner(ann, PageRequest.first(3));
        assertThat(first.items()).extracting(a -> a.spec().name()).containsExactly("alpha", "bravo", "charlie");
        Page<AgentDefinition> rest = agents().listByOwner(
                        ann, first.nextRequest(PageRequest.first(3)).orElseThrow());
        assertThat(rest.items()).extracting(a -> a.spec().name()).containsExactly("delta");
        assertThat(agents().listPublic(PageRequest.first(10)).items())
                .extracting(a -> a.spec().name())
                .containsExactly("alpha", "bravo");
    }

    @Test
    void should_delete_agents_remove_them_with_their_owner_and_keep_tenants_apart() {
        UUID ann = user("ann");
        AgentDefinition one = agents().define(AgentSpec.builder(ann, "one", "m").build());
        AgentDefinition two = agents().define(AgentSpec.builder(ann, "two", "m").build());
        assertThat(otherTenant().agents().find(one.id())).isEmpty();
        assertThat(otherTenant().agents().delete(one.id())).isFalse();
        assertThat(agents().delete(one.id())).isTrue();
        assertThat(agents().delete(one.id())).isFalse();
        store.conversations().eraseUser(ann);
        assertThat(agents().find(two.id())).isEmpty();
    }

    @Test
    void should_set_and_replace_channel_defaults() {
        assertThat(agents().channelDefaults("slack")).isEmpty();
        agents().setChannelDefaults(new ChannelDefaults("slack", "gpt-4o-mini", Map.of("threads", true)));
        ChannelDefaults replaced = agents().setChannelDefaults(new ChannelDefaults("slack", null, Map.of()));
        assertThat(agents().channelDefaults("slack")).contains(replaced);
        assertThat(otherTenant().agents().channelDefaults("slack")).isEmpty();
    }

    @Test
    void should_let_conversations_run_under_an_agent_until_it_goes() {
        UUID ann = user("ann");
        UUID bob = user("bob");
        AgentDefinition helper =
                agents().define(AgentSpec.builder(ann, "helper", "m").build());
        AgentDefinition other =
                agents().define(AgentSpec.builder(ann, "other", "m").build());
        Conversation chat = store.conversations()
                .createConversation(NewConversation.forUser(bob).underAgent(helper.id()));
        Conversation second = store.conversations()
                .createConversation(NewConversation.forUser(bob).underAgent(other.id()));
        assertThat(chat.agentId()).isEqualTo(helper.id());
        assertThat(store.conversations().findConversation(chat.id())).contains(chat);
        UUID ghost = UUID.randomUUID();
        assertThatThrownBy(() -> store.conversations()
                        .createConversation(NewConversation.forUser(bob).underAgent(ghost)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(ghost.toString());
        AgentStore elsewhere = otherTenant();
        UUID carl =
                elsewhere.conversations().upsertUser(NewUser.of("web", "carl")).id();
        assertThatThrownBy(() -> elsewhere
                        .conversations()
                        .createConversation(NewConversation.forUser(carl).underAgent(helper.id())))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(helper.id().toString());

        agents().delete(helper.id());
        Conversation detached =
                store.conversations().findConversation(chat.id()).orElseThrow();
        assertThat(detached.agentId()).isNull();
        assertThat(detached.version()).isEqualTo(chat.version());
        store.conversations().eraseUser(ann); // the owner goes, and with them their agents
        assertThat(store.conversations()
                        .findConversation(second.id())
                        .orElseThrow()
                        .agentId())
                .isNull();
    }
}
