package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.audit.AuditActions;
import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.BlockRevision;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.block.MemoryBlockRepository;
import dev.agentstore.block.NewMemoryBlock;
import dev.agentstore.conversation.NewUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Memory blocks: owners and labels, one-call edits with optimistic concurrency and every revision kept, character
 * limits, shared blocks attached to agents, and what goes with an erased user or a deleted agent.
 */
public abstract class MemoryBlockContract extends StoreContract {
    private UUID ann;
    private UUID agent;

    private MemoryBlockRepository blocks() {
        return store.memoryBlocks();
    }

    @BeforeEach
    void createOwners() {
        ann = store.conversations().upsertUser(NewUser.of("web", "ann")).id();
        agent = store.agents()
                .define(AgentSpec.builder(ann, "helper", "m").build())
                .id();
    }

    @Test
    void should_create_find_and_list_blocks_per_owner_and_label() {
        Instant created = clock.instant();
        MemoryBlock persona = blocks().create(
                        NewMemoryBlock.of(BlockOwner.agent(agent), "persona", "I am a patient helper.")
                                .asPinned(),
                        agent);
        MemoryBlock human = blocks().create(
                        NewMemoryBlock.of(BlockOwner.user(ann), "human", "Ann prefers short answers.")
                                .withDescription("what we know about the user")
                                .withCharLimit(200),
                        null);

        assertThat(persona.version()).isEqualTo(1);
        assertThat(persona.pinned()).isTrue();
        assertThat(persona.createdAt()).isEqualTo(created);
        assertThat(persona.updatedBy()).isEqualTo(agent);
        assertThat(human.charLimit()).isEqualTo(200);
        assertThat(human.description()).isEqualTo("what we know about the user");
        assertThat(blocks().find(persona.id())).contains(persona);
        assertThat(blocks().find(BlockOwner.user(ann), "human")).contains(human);
        assertThat(blocks().find(BlockOwner.agent(agent), "human")).isEmpty();
        assertThat(blocks().ownedBy(BlockOwner.agent(agent))).containsExactly(persona);
        assertThatThrownBy(() -> blocks().create(NewMemoryBlock.of(BlockOwner.agent(agent), "persona", "again"), null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> blocks().create(NewMemoryBlock.of(BlockOwner.agent(UUID.randomUUID()), "x", ""), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> blocks().create(NewMemoryBlock.of(BlockOwner.user(UUID.randomUUID()), "x", ""), null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_edit_in_one_call_keeping_every_revision_and_refusing_a_stale_version() {
        MemoryBlock task = blocks().create(NewMemoryBlock.of(BlockOwner.agent(agent), "task", "draft the plan"), null);
        clock.advance(Duration.ofMinutes(1));
        MemoryBlock second = blocks().edit(task.id(), 1, "draft the plan; ask Ann about dates", agent);
        clock.advance(Duration.ofMinutes(1));
        MemoryBlock third = blocks().edit(task.id(), 2, "plan agreed", ann);

        assertThat(second.version()).isEqualTo(2);
        assertThat(third.version()).isEqualTo(3);
        assertThat(third.updatedBy()).isEqualTo(ann);
        assertThat(third.updatedAt()).isEqualTo(clock.instant());
        assertThat(third.createdAt()).isEqualTo(task.createdAt());
        assertThatThrownBy(() -> blocks().edit(task.id(), 2, "a lost update", agent))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("version 3");
        assertThat(blocks().find(task.id())).contains(third);
        assertThat(blocks().revisions(task.id()))
                .extracting(BlockRevision::version, BlockRevision::value, BlockRevision::editedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "draft the plan", null),
                        org.assertj.core.groups.Tuple.tuple(2L, "draft the plan; ask Ann about dates", agent),
                        org.assertj.core.groups.Tuple.tuple(3L, "plan agreed", ann));
        assertThat(blocks().revisions(UUID.randomUUID())).isEmpty();
        assertThat(store.auditLog()
                        .list(
                                AuditQuery.between(
                                                task.createdAt(),
                                                clock.instant().plusSeconds(1))
                                        .onResource(
                                                AuditActions.MEMORY_BLOCK,
                                                task.id().toString()),
                                PageRequest.first(10))
                        .items())
                .extracting(AuditEntry::action, AuditEntry::actorId)
                .as("the audit trail, newest first")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditActions.MEMORY_BLOCK_EDITED, ann),
                        org.assertj.core.groups.Tuple.tuple(AuditActions.MEMORY_BLOCK_EDITED, agent),
                        org.assertj.core.groups.Tuple.tuple(AuditActions.MEMORY_BLOCK_CREATED, null));
        assertThatThrownBy(() -> blocks().edit(UUID.randomUUID(), 1, "x", null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_hold_values_to_the_blocks_limit_in_characters() {
        MemoryBlock small = blocks().create(
                        NewMemoryBlock.of(BlockOwner.agent(agent), "small", "").withCharLimit(5), null);
        MemoryBlock fits = blocks().edit(small.id(), 1, "héllo", null);
        String emoji = new String(Character.toChars(0x1F600));

        assertThat(blocks().edit(small.id(), 2, emoji.repeat(5), null).length()).isEqualTo(5);
        assertThat(fits.value()).isEqualTo("héllo");
        assertThatThrownBy(() -> blocks().edit(small.id(), 3, "toolong", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("value");
                    assertThat(e.getMessage()).contains("at most 5 characters");
                });
        assertThat(blocks().find(small.id()))
                .hasValueSatisfying(b -> assertThat(b.version()).isEqualTo(3));
        assertThatThrownBy(() -> NewMemoryBlock.of(BlockOwner.shared(), "big", "x".repeat(6))
                        .withCharLimit(5))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("block.value"));
        assertThatThrownBy(() -> NewMemoryBlock.of(BlockOwner.shared(), " ", ""))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("block.label"));
        assertThatThrownBy(() -> new BlockOwner(BlockOwner.Kind.AGENT, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("owner.id"));
    }

    @Test
    void should_share_a_block_between_the_agents_it_is_attached_to() {
        UUID other = store.agents()
                .define(AgentSpec.builder(ann, "planner", "m").build())
                .id();
        MemoryBlock own = blocks().create(NewMemoryBlock.of(BlockOwner.agent(agent), "policy", "mine"), null);
        MemoryBlock shared = blocks().create(NewMemoryBlock.of(BlockOwner.shared(), "policy", "company policy"), null);
        MemoryBlock glossary = blocks().create(NewMemoryBlock.of(BlockOwner.shared(), "glossary", "terms"), null);
        blocks().attach(shared.id(), agent);
        blocks().attach(shared.id(), agent);
        blocks().attach(shared.id(), other);
        blocks().attach(glossary.id(), other);

        assertThat(blocks().forAgent(agent)).containsExactly(own, shared);
        assertThat(blocks().forAgent(other)).containsExactly(glossary, shared);
        MemoryBlock edited = blocks().edit(shared.id(), 1, "company policy, revised", agent);
        assertThat(blocks().forAgent(other)).contains(edited);
        assertThat(blocks().detach(shared.id(), other)).isTrue();
        assertThat(blocks().detach(shared.id(), other)).isFalse();
        assertThat(blocks().forAgent(other)).containsExactly(glossary);
        assertThatThrownBy(() -> blocks().attach(own.id(), other)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> blocks().attach(shared.id(), UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);

        assertThat(blocks().delete(shared.id())).isTrue();
        assertThat(blocks().delete(shared.id())).isFalse();
        assertThat(blocks().forAgent(agent)).containsExactly(own);
        assertThat(blocks().revisions(shared.id())).isEmpty();
    }

    @Test
    void should_let_blocks_go_with_their_user_or_agent_and_keep_tenants_apart() {
        MemoryBlock human = blocks().create(NewMemoryBlock.of(BlockOwner.user(ann), "human", "Ann"), ann);
        MemoryBlock persona = blocks().create(NewMemoryBlock.of(BlockOwner.agent(agent), "persona", "helper"), null);
        MemoryBlock shared = blocks().create(NewMemoryBlock.of(BlockOwner.shared(), "notes", "n"), null);
        MemoryBlock annEdited = blocks().edit(shared.id(), 1, "edited by Ann", ann);
        blocks().attach(shared.id(), agent);

        assertThat(otherTenant().memoryBlocks().find(human.id())).isEmpty();
        assertThat(otherTenant().memoryBlocks().forAgent(agent)).isEmpty();
        assertThatThrownBy(() -> otherTenant().memoryBlocks().edit(persona.id(), 1, "theirs", null))
                .isInstanceOf(NotFoundException.class);

        store.agents().delete(agent);
        assertThat(blocks().find(persona.id())).isEmpty();
        assertThat(blocks().find(shared.id())).isPresent();

        store.conversations().eraseUser(ann);
        assertThat(blocks().find(human.id())).isEmpty();
        assertThat(blocks().find(shared.id()))
                .hasValueSatisfying(b ->
                        assertThat(b.updatedBy()).as("Ann's id left the block").isNull());
        assertThat(blocks().revisions(shared.id()))
                .extracting(BlockRevision::editedBy)
                .containsExactly(null, null);
        assertThat(annEdited.version()).isEqualTo(2);
    }

    @Test
    void should_not_show_block_text_in_to_string() {
        MemoryBlock secret =
                blocks().create(NewMemoryBlock.of(BlockOwner.user(ann), "human", "Ann's private diagnosis"), null);

        assertThat(secret.toString()).doesNotContain("diagnosis");
        assertThat(blocks().revisions(secret.id()).getFirst().toString()).doesNotContain("diagnosis");
        assertThat(List.of(secret).toString()).contains("label=human");
    }
}
