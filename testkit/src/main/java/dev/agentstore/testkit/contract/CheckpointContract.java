package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.checkpoint.Checkpoint;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.checkpoint.PendingWrite;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.run.NewRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Run checkpoints: idempotent writes, latest/by id/history, pending writes, forks, deletion and TTL, and that a
 * run's checkpoints go with the run (its user's erasure).
 */
public abstract class CheckpointContract extends StoreContract {
    private CheckpointRepository checkpoints() {
        return store.checkpoints();
    }

    /** A state as stored: whole numbers come back as longs. */
    private static Map<String, Object> state(long step) {
        return Map.of(
                "step",
                step,
                "messages",
                List.of(Map.of("role", "user", "content", "plan a trip"), Map.of("role", "ai", "n", step)),
                "done",
                false);
    }

    @Test
    void should_store_idempotently_and_read_latest_by_id_and_history() {
        Checkpoint first = checkpoints().put(NewCheckpoint.of("thread-1", "c1", state(1)));
        clock.advance(Duration.ofSeconds(1));
        Checkpoint second = checkpoints()
                .put(NewCheckpoint.of("thread-1", "c2", state(2))
                        .after("c1")
                        .withMetadata(Map.of("source", "loop", "step", 2)));
        clock.advance(Duration.ofSeconds(1));
        Checkpoint third =
                checkpoints().put(NewCheckpoint.of("thread-1", "c3", state(3)).after("c2"));
        Checkpoint again =
                checkpoints().put(NewCheckpoint.of("thread-1", "c2", state(99)).after("c1"));

        assertThat(again).isEqualTo(second);
        assertThat(second.state()).isEqualTo(state(2));
        assertThat(second.parentId()).isEqualTo("c1");
        assertThat(second.metadata()).containsEntry("source", "loop");
        assertThat(checkpoints().latest("thread-1", "")).contains(third);
        assertThat(checkpoints().find("thread-1", "", "c1")).contains(first);
        assertThat(checkpoints().find("thread-1", "", "missing")).isEmpty();
        assertThat(checkpoints().latest("thread-2", "")).isEmpty();
        Page<Checkpoint> newest = checkpoints().history("thread-1", "", PageRequest.first(2));
        assertThat(newest.items()).containsExactly(third, second);
        assertThat(checkpoints()
                        .history(
                                "thread-1",
                                "",
                                newest.nextRequest(PageRequest.first(2)).orElseThrow())
                        .items())
                .containsExactly(first);
    }

    @Test
    void should_keep_namespaces_and_parents_apart() {
        checkpoints().put(NewCheckpoint.of("t", "root-1", state(1)));
        Checkpoint sub =
                checkpoints().put(NewCheckpoint.of("t", "sub-1", state(10)).inNamespace("tools"));

        assertThat(checkpoints().latest("t", "tools")).contains(sub);
        assertThat(checkpoints().latest("t", ""))
                .hasValueSatisfying(c -> assertThat(c.checkpointId()).isEqualTo("root-1"));
        assertThatThrownBy(() -> checkpoints()
                        .put(NewCheckpoint.of("t", "sub-2", state(11))
                                .inNamespace("tools")
                                .after("root-1")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> NewCheckpoint.of("t", " ", state(1)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("checkpoint.checkpointId"));
    }

    @Test
    void should_keep_pending_writes_once_per_task_and_index() {
        checkpoints().put(NewCheckpoint.of("t", "c1", state(1)));
        checkpoints()
                .putWrites(
                        "t",
                        "",
                        "c1",
                        List.of(
                                new PendingWrite("search", 0, "results", List.of("a", "b")),
                                new PendingWrite("answer", 0, "draft", "hello")));
        checkpoints()
                .putWrites(
                        "t",
                        "",
                        "c1",
                        List.of(
                                new PendingWrite("search", 0, "results", "a retry"),
                                new PendingWrite("search", 1, "count", 2)));

        assertThat(checkpoints().pendingWrites("t", "", "c1"))
                .extracting(PendingWrite::taskId, PendingWrite::index, PendingWrite::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("answer", 0, "hello"),
                        org.assertj.core.groups.Tuple.tuple("search", 0, List.of("a", "b")),
                        org.assertj.core.groups.Tuple.tuple("search", 1, 2L));
        assertThat(checkpoints().pendingWrites("t", "", "none")).isEmpty();
        assertThatThrownBy(() -> checkpoints().putWrites("t", "", "none", List.of(new PendingWrite("x", 0, "c", 1))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_fork_a_thread_from_any_checkpoint() {
        checkpoints().put(NewCheckpoint.of("main", "c1", state(1)));
        checkpoints().put(NewCheckpoint.of("main", "c2", state(2)).after("c1"));
        checkpoints().putWrites("main", "", "c1", List.of(new PendingWrite("task", 0, "ch", "v")));

        Checkpoint forked = checkpoints().fork("main", "", "c1", "what-if");

        assertThat(forked.threadId()).isEqualTo("what-if");
        assertThat(forked.checkpointId()).isEqualTo("c1");
        assertThat(forked.parentId()).isNull();
        assertThat(forked.state()).isEqualTo(state(1));
        assertThat(forked.metadata())
                .containsEntry("forked_from_thread", "main")
                .containsEntry("forked_from_checkpoint", "c1");
        assertThat(checkpoints().latest("what-if", "")).contains(forked);
        assertThat(checkpoints().pendingWrites("what-if", "", "c1")).hasSize(1);
        Checkpoint next =
                checkpoints().put(NewCheckpoint.of("what-if", "c2b", state(5)).after("c1"));
        assertThat(checkpoints().latest("what-if", "")).contains(next);
        assertThat(checkpoints().latest("main", ""))
                .hasValueSatisfying(c -> assertThat(c.checkpointId()).isEqualTo("c2"));
        assertThatThrownBy(() -> checkpoints().fork("main", "", "c2", "what-if"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> checkpoints().fork("main", "", "nope", "other"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_delete_threads_and_old_checkpoints_and_go_with_their_run() {
        UUID user = store.conversations().upsertUser(NewUser.of("web", "ann")).id();
        UUID run = store.runs().create(NewRun.of(user, "planner")).id();
        checkpoints().put(NewCheckpoint.of("old", "c1", state(1)));
        clock.advance(Duration.ofDays(10));
        Instant cutoff = clock.instant();
        checkpoints().put(NewCheckpoint.of("new", "c1", state(1)));
        checkpoints().put(NewCheckpoint.of("run-thread", "c1", state(1)).forRun(run));
        checkpoints().put(NewCheckpoint.of("gone", "c1", state(1)));
        checkpoints().put(NewCheckpoint.of("gone", "c2", state(2)).after("c1").inNamespace(""));

        assertThat(checkpoints().deleteOlderThan(cutoff)).isEqualTo(1);
        assertThat(checkpoints().latest("old", "")).isEmpty();
        assertThat(checkpoints().deleteThread("gone")).isEqualTo(2);
        assertThat(checkpoints().latest("gone", "")).isEmpty();
        assertThat(otherTenant().checkpoints().latest("new", "")).isEmpty();
        assertThatThrownBy(() ->
                        checkpoints().put(NewCheckpoint.of("x", "c1", state(1)).forRun(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);

        store.conversations().eraseUser(user);

        assertThat(checkpoints().latest("run-thread", "")).isEmpty();
        assertThat(checkpoints().latest("new", "")).isPresent();
    }

    @Test
    void should_keep_a_child_whose_parent_expired() {
        checkpoints().put(NewCheckpoint.of("t", "c1", state(1)));
        clock.advance(Duration.ofSeconds(1));
        Instant cutoff = clock.instant();
        checkpoints().put(NewCheckpoint.of("t", "c2", "c1", state(2)));

        assertThat(checkpoints().deleteOlderThan(cutoff)).isEqualTo(1);

        assertThat(checkpoints().find("t", "", "c2")).hasValueSatisfying(c -> {
            assertThat(c.parentId()).isNull();
            assertThat(c.state()).isEqualTo(state(2));
        });
        assertThat(checkpoints().latest("t", ""))
                .hasValueSatisfying(c -> assertThat(c.checkpointId()).isEqualTo("c2"));
    }

    @Test
    void should_not_show_state_in_to_string() {
        Checkpoint secret = checkpoints().put(NewCheckpoint.of("t", "c1", Map.of("diagnosis", "private")));

        assertThat(secret.toString()).doesNotContain("private");
        assertThat(new PendingWrite("task", 0, "ch", "private").toString()).doesNotContain("private");
    }
}
