package dev.agentstore.pgvector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.Consistency;
import dev.agentstore.testkit.fixture.LocalPostgres;
import dev.agentstore.testkit.fixture.ReplicatedPostgres;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Vector searches and listings on a real streaming replica: with its replay paused, a chunk written on the primary is
 * missing from what the replica answers (searches, counts, listings by default) and present in what the primary
 * answers (a read-your-writes view, lookups by id).
 */
class PgvectorReadReplicaIT {
    private static final float[] QUERY = {1, 0, 0};

    private static ReplicatedPostgres servers;

    @BeforeAll
    static void startPrimaryAndStandby() {
        servers = ReplicatedPostgres.start();
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void should_search_on_the_replica_unless_the_view_asks_for_read_your_writes() throws Exception {
        LocalPostgres standby = servers.standby();
        try (AgentStore opened = AgentStore.open(servers.storeConfig(Duration.ofSeconds(30), Duration.ofMillis(100)))) {
            AgentStore store = opened.forTenant("replica-" + UUID.randomUUID());
            VectorRepository vectors = store.vectors();
            vectors.createCollection(CollectionSpec.of("docs", 3));
            vectors.upsert("docs", List.of(Chunk.of("far", "far away", new float[] {0, 1, 0})));
            standby.awaitReplayOf(servers.primary(), Duration.ofSeconds(15));
            Thread.sleep(300); // three checks: the replica is known to be caught up
            standby.pauseReplay();
            try {
                vectors.upsert("docs", List.of(Chunk.of("near", "right here", new float[] {1, 0.1f, 0})));

                assertThat(ids(vectors.search("docs", SearchRequest.of(QUERY, 5))))
                        .containsExactly("far");
                assertThat(vectors.count("docs")).isEqualTo(1);
                assertThat(vectors.get("docs", List.of("near"))).hasSize(1); // a lookup by id: the primary

                VectorRepository fresh =
                        store.withConsistency(Consistency.READ_YOUR_WRITES).vectors();
                assertThat(ids(fresh.search("docs", SearchRequest.of(QUERY, 5))))
                        .containsExactly("near", "far");
                assertThat(fresh.count("docs")).isEqualTo(2);
            } finally {
                standby.resumeReplay();
            }
        }
    }

    private static List<String> ids(List<SearchMatch> matches) {
        return matches.stream().map(match -> match.chunk().id()).toList();
    }
}
