package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.run.AgentRun;
import dev.agentstore.run.NewRun;
import dev.agentstore.run.RunQuery;
import dev.agentstore.run.RunRepository;
import dev.agentstore.run.RunStatus;
import dev.agentstore.run.RunUsage;
import dev.agentstore.vector.Filter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Agent runs: creation, forward-only transitions (atomic under races), listing and erasure with their user. */
public abstract class RunRepositoryContract extends StoreContract {

    private RunRepository runs() {
        return store.runs();
    }

    private UUID user(String name) {
        return store.conversations().upsertUser(NewUser.of("web", name)).id();
    }

    @Test
    void should_create_a_pending_run_and_move_it_forward() {
        UUID user = user("ann");
        UUID chat = store.conversations()
                .createConversation(NewConversation.forUser(user))
                .id();
        AgentRun run = runs().create(NewRun.of(user, "researcher")
                .inConversation(chat)
                .withInput(Map.of("question", "why is the sky blue?")));
        assertThat(run.status()).isEqualTo(RunStatus.PENDING);
        assertThat(runs().find(run.id())).contains(run);

        clock.advance(Duration.ofSeconds(1));
        AgentRun started = runs().start(run.id());
        assertThat(started.status()).isEqualTo(RunStatus.PROCESSING);
        assertThat(started.startedAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofSeconds(2));
        AgentRun done = runs().complete(run.id(), Map.of("answer", "Rayleigh scattering"), new RunUsage(120, 40));
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.output()).containsEntry("answer", "Rayleigh scattering");
        assertThat(done.usage()).isEqualTo(new RunUsage(120, 40));
        assertThat(done.completedAt()).isEqualTo(clock.instant());
        assertThat(done.input()).containsEntry("question", "why is the sky blue?");
        assertThat(runs().find(run.id())).contains(done);
    }

    @Test
    void should_refuse_transitions_that_go_back_or_skip_and_name_both_statuses() {
        UUID user = user("ann");
        AgentRun run = runs().create(NewRun.of(user, "coder"));
        assertThatThrownBy(() -> runs().complete(run.id(), Map.of(), RunUsage.none()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("PENDING")
                .hasMessageContaining("COMPLETED");
        runs().start(run.id());
        runs().complete(run.id(), Map.of(), RunUsage.none());
        assertThatThrownBy(() -> runs().start(run.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("COMPLETED")
                .hasMessageContaining("PROCESSING");
        assertThatThrownBy(() -> runs().cancel(run.id())).isInstanceOf(ConflictException.class);
        assertThat(runs().find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);

        AgentRun failed = runs().fail(runs().create(NewRun.of(user, "coder")).id(), "tool crashed", new RunUsage(5, 0));
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("tool crashed");
        assertThat(runs().cancel(runs().create(NewRun.of(user, "coder")).id()).status())
                .isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void should_let_exactly_one_of_concurrent_completions_win() throws Exception {
        AgentRun run = runs().create(NewRun.of(user("ann"), "coder"));
        runs().start(run.id());
        List<Boolean> won = Concurrently.run(8, i -> {
            try {
                runs().complete(run.id(), Map.of("by", (long) i), RunUsage.none());
                return true;
            } catch (ConflictException e) {
                return false;
            }
        });
        assertThat(won.stream().filter(w -> w).count()).isEqualTo(1);
    }

    @Test
    void should_refuse_unknown_runs_users_and_conversations() {
        assertThatThrownBy(() -> runs().start(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runs().create(NewRun.of(UUID.randomUUID(), "coder")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runs().create(NewRun.of(user("ann"), "coder").inConversation(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThat(runs().find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void should_list_by_user_conversation_status_and_time_newest_first_in_pages() {
        UUID ann = user("ann");
        UUID ben = user("ben");
        UUID chat = store.conversations()
                .createConversation(NewConversation.forUser(ann))
                .id();
        Instant start = clock.instant();
        List<AgentRun> anns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            anns.add(runs().create(i % 2 == 0 ? NewRun.of(ann, "a").inConversation(chat) : NewRun.of(ann, "a")));
            clock.advance(Duration.ofSeconds(1));
        }
        runs().create(NewRun.of(ben, "b"));
        runs().start(anns.get(4).id());

        Page<AgentRun> first = runs().list(RunQuery.ofUser(ann), PageRequest.first(3));
        assertThat(first.items())
                .extracting(AgentRun::id)
                .containsExactly(anns.get(4).id(), anns.get(3).id(), anns.get(2).id());
        Page<AgentRun> second = runs().list(
                        RunQuery.ofUser(ann),
                        first.nextRequest(PageRequest.first(3)).orElseThrow());
        assertThat(second.items())
                .extracting(AgentRun::id)
                .containsExactly(anns.get(1).id(), anns.get(0).id());
        assertThat(second.nextRequest(PageRequest.first(3))).isEmpty();

        assertThat(runs().list(RunQuery.all().inConversation(chat), PageRequest.first(10))
                        .items())
                .hasSize(3);
        assertThat(runs().list(RunQuery.all().withStatus(RunStatus.PROCESSING), PageRequest.first(10))
                        .items())
                .extracting(AgentRun::id)
                .containsExactly(anns.get(4).id());
        assertThat(runs().list(RunQuery.ofUser(ann).createdBetween(start, start.plusSeconds(2)), PageRequest.first(10))
                        .items())
                .hasSize(2);
        assertThat(runs().list(RunQuery.all(), PageRequest.first(10)).items()).hasSize(6);
    }

    @Test
    void should_list_runs_whose_metadata_passes_a_filter() {
        UUID ann = user("ann");
        AgentRun nightly = runs().create(NewRun.of(ann, "a").withMetadata(Map.of("trigger", "cron", "attempt", 1)));
        clock.advance(Duration.ofSeconds(1));
        AgentRun retried = runs().create(NewRun.of(ann, "a").withMetadata(Map.of("trigger", "cron", "attempt", 3)));
        clock.advance(Duration.ofSeconds(1));
        AgentRun manual = runs().create(NewRun.of(ann, "a").withMetadata(Map.of("trigger", "user")));

        assertThat(runs().list(RunQuery.ofUser(ann).where(Filter.eq("trigger", "cron")), PageRequest.first(10))
                        .items())
                .extracting(AgentRun::id)
                .containsExactly(retried.id(), nightly.id());
        assertThat(runs().list(RunQuery.all().where(Filter.gt("attempt", 1)), PageRequest.first(10))
                        .items())
                .extracting(AgentRun::id)
                .containsExactly(retried.id());
        assertThat(runs().list(RunQuery.all().where(Filter.not(Filter.exists("attempt"))), PageRequest.first(10))
                        .items())
                .extracting(AgentRun::id)
                .containsExactly(manual.id());
        Page<AgentRun> first = runs().list(RunQuery.all().where(Filter.eq("trigger", "cron")), PageRequest.first(1));
        assertThat(runs().list(
                                RunQuery.all().where(Filter.eq("trigger", "cron")),
                                first.nextRequest(PageRequest.first(1)).orElseThrow())
                        .items())
                .extracting(AgentRun::id)
                .containsExactly(nightly.id());
    }

    @Test
    void should_remove_runs_with_their_user_or_conversation_and_keep_tenants_apart() {
        UUID ann = user("ann");
        UUID chat = store.conversations()
                .createConversation(NewConversation.forUser(ann))
                .id();
        AgentRun inChat = runs().create(NewRun.of(ann, "a").inConversation(chat));
        AgentRun outside = runs().create(NewRun.of(ann, "a"));
        assertThat(otherTenant().runs().find(outside.id())).isEmpty();
        assertThatThrownBy(() -> otherTenant().runs().start(outside.id())).isInstanceOf(NotFoundException.class);

        store.conversations().deleteConversation(chat);
        assertThat(runs().find(inChat.id())).isEmpty();
        assertThat(runs().find(outside.id())).isPresent();
        store.conversations().eraseUser(ann);
        assertThat(runs().find(outside.id())).isEmpty();
    }

    @Test
    void should_refuse_a_run_in_another_users_conversation() {
        UUID ann = user("ann");
        UUID bobsChat = store.conversations()
                .createConversation(NewConversation.forUser(user("bob")))
                .id();
        assertThatThrownBy(() -> runs().create(NewRun.of(ann, "a").inConversation(bobsChat)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(bobsChat.toString());
        assertThat(runs().list(RunQuery.all(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void should_let_assistant_messages_point_at_a_run_of_their_conversation() {
        UUID ann = user("ann");
        UUID chat = store.conversations()
                .createConversation(NewConversation.forUser(ann))
                .id();
        UUID otherChat = store.conversations()
                .createConversation(NewConversation.forUser(ann))
                .id();
        AgentRun run = runs().create(NewRun.of(ann, "a").inConversation(chat));
        AgentRun elsewhere = runs().create(NewRun.of(ann, "a").inConversation(otherChat));

        Message answer = store.conversations()
                .append(chat, NewMessage.assistant("done", 1).producedBy(run.id()));
        assertThat(answer.runId()).isEqualTo(run.id());
        assertThat(store.conversations().lastMessages(chat, 1)).containsExactly(answer);
        assertThat(store.conversations()
                        .appendAll(chat, List.of(NewMessage.assistant("more", 1).producedBy(run.id())))
                        .get(0)
                        .runId())
                .isEqualTo(run.id());

        for (UUID wrong : List.of(elsewhere.id(), UUID.randomUUID())) {
            assertThatThrownBy(() -> store.conversations()
                            .appendAll(
                                    chat,
                                    List.of(
                                            NewMessage.user("q", 1),
                                            NewMessage.assistant("a", 1).producedBy(wrong))))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining(wrong.toString());
            assertThatThrownBy(() -> store.conversations()
                            .appendAll(
                                    chat, List.of(NewMessage.assistant("a", 1).producedBy(wrong)), "key-" + wrong))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(store.conversations().lastMessages(chat, 10)).hasSize(2);
        assertThatThrownBy(() -> NewMessage.user("q", 1).producedBy(run.id()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("message.runId");

        store.conversations().eraseUser(ann);
        assertThat(runs().find(run.id())).isEmpty();
    }
}
