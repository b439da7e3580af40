package dev.agentstore.postgres.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.metrics.ActivityDimension;
import dev.agentstore.postgres.TenantPlans;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The activity rollup of yesterday reads no raw table whole: over 20,000 conversations active across 200 days (with
 * 200,000 messages), the plan reaches conversations through the activity index and messages through the primary
 * key, for both dimensions, as the runtime role under row-level security.
 */
class ActivityRollupPlanIT {
    private static final String TENANT = "rollup-plans-" + UUID.randomUUID();

    private static PostgresDatabase database;
    private static AgentStore store;

    @BeforeAll
    static void loadHistory() {
        database = PostgresDatabase.create(TestServers.postgres());
        store = AgentStore.open(
                database.storeConfig().toBuilder().migrateOnOpen(true).build());
        var conversations = store.forTenant(TENANT).conversations();
        User owner = conversations.upsertUser(NewUser.of("web", "owner"));
        for (int u = 0; u < 50; u++) {
            conversations.upsertUser(NewUser.of("web", "u" + u));
        }
        store.forTenant(TENANT)
                .agents()
                .define(AgentSpec.builder(owner.id(), "helper", "m").build());
        // 400 conversations per user, each last active (and started) on one of the last 200 days, 10 messages each
        database.executeAsAdmin("insert into agentstore.conversations (tenant_id, id, user_id, agent_id, status,"
                + " metadata, version, created_at, updated_at, last_activity_at)"
                + " select u.tenant_id, gen_random_uuid(), u.id,"
                + " case when g % 2 = 0 then (select a.id from agentstore.agents a where a.tenant_id = u.tenant_id)"
                + " end, 'ACTIVE', '{}', 1, now() - (g % 200) * interval '1 day' - interval '1 hour', now(),"
                + " now() - (g % 200) * interval '1 day'"
                + " from agentstore.users u cross join generate_series(1, 400) g");
        database.executeAsAdmin("insert into agentstore.messages (tenant_id, conversation_id, sequence, id, role,"
                + " content, token_count, created_at)"
                + " select c.tenant_id, c.id, s, gen_random_uuid(), case when s % 2 = 1 then 'USER' else 'ASSISTANT'"
                + " end, 'message ' || s, 5, c.created_at + s * interval '1 minute'"
                + " from agentstore.conversations c cross join generate_series(1, 10) s");
        database.executeAsAdmin("update agentstore.conversations set last_sequence = 10");
        database.executeAsAdmin("vacuum analyze");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @ParameterizedTest
    @EnumSource(ActivityDimension.class)
    void should_reach_yesterdays_rows_through_indexes_only(ActivityDimension dimension) throws SQLException {
        String plan = plan(dimension, LocalDate.now(ZoneOffset.UTC).minusDays(1));

        assertThat(plan)
                .contains("conversations_by_activity")
                .containsPattern("Index Scan using messages_pkey on messages")
                .doesNotContainPattern("Seq Scan on (conversations|messages)\\b");
    }

    /** The plan of one dimension's rollup statement, as the runtime role in a transaction scoped to the tenant. */
    private static String plan(ActivityDimension dimension, LocalDate day) throws SQLException {
        return TenantPlans.explain(
                database,
                TENANT,
                dsl -> dsl.renderInlined(ActivityRollupStatement.statement(TENANT, day, dimension, Instant.now())));
    }
}
