package dev.agentstore.postgres.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.PageRequest;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.conversation.ConversationOrder;
import dev.agentstore.conversation.ConversationQuery;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.postgres.TenantPlans;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN, as the runtime role under row-level security, proves that every conversation listing walks an index in its
 * order (no sort, no sequential scan): a user's "recent chats", an agent's, the whole tenant's, with or without a
 * status and a cursor, over 20,000 conversations of 40 users and 4 agents among other tenants' rows.
 */
class ConversationListingPlanIT {
    private static final String TENANT = "plans-" + UUID.randomUUID();

    private static PostgresDatabase database;
    private static AgentStore store;
    private static UUID user;
    private static UUID agent;

    @BeforeAll
    static void loadConversations() {
        database = PostgresDatabase.create(TestServers.postgres());
        store = AgentStore.open(
                database.storeConfig().toBuilder().migrateOnOpen(true).build());
        for (String tenant : new String[] {TENANT, "other-" + UUID.randomUUID()}) {
            var conversations = store.forTenant(tenant).conversations();
            User first = conversations.upsertUser(NewUser.of("web", "u0"));
            for (int u = 1; u < 40; u++) {
                conversations.upsertUser(NewUser.of("web", "u" + u));
            }
            for (int a = 0; a < 4; a++) {
                UUID id = store.forTenant(tenant)
                        .agents()
                        .define(AgentSpec.builder(first.id(), "agent-" + a, "m").build())
                        .id();
                if (tenant.equals(TENANT)) {
                    agent = id;
                    user = first.id();
                }
            }
            conversations.createConversation(NewConversation.forUser(first.id()));
        }
        // 10,000 conversations per tenant, spread over users and agents, active at scattered times
        database.executeAsAdmin("insert into agentstore.conversations (tenant_id, id, user_id, agent_id, status,"
                + " metadata, version, created_at, updated_at, last_activity_at, ended_at)"
                + " select u.tenant_id, gen_random_uuid(), u.id, (select a.id from agentstore.agents a"
                + "   where a.tenant_id = u.tenant_id order by a.id offset (g % 5) limit 1),"
                + " case when g % 7 = 0 then 'ARCHIVED' else 'ACTIVE' end, jsonb_build_object('n', g), 1,"
                + " now() - g * interval '1 minute', now(), now() - (g * 7919 % 10000) * interval '1 second',"
                + " case when g % 7 = 0 then now() end"
                + " from agentstore.users u cross join generate_series(1, 250) g");
        database.executeAsAdmin("vacuum analyze agentstore.conversations");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void should_list_a_users_recent_chats_from_its_index_on_the_first_and_a_later_page() throws SQLException {
        ConversationQuery recent = ConversationQuery.ofUser(user).orderedBy(ConversationOrder.RECENT_ACTIVITY);
        String cursor = store.forTenant(TENANT)
                .conversations()
                .listConversations(recent, PageRequest.first(20))
                .nextCursor();
        assertThat(cursor).isNotNull();
        assertWalks("conversations_by_user_activity", recent, PageRequest.first(20));
        assertWalks("conversations_by_user_activity", recent, PageRequest.after(cursor, 20));
        assertWalks(
                "conversations_by_user_activity",
                recent.withStatus(ConversationStatus.ACTIVE),
                PageRequest.after(cursor, 20));
    }

    @Test
    void should_list_a_users_conversations_newest_first_from_its_index() throws SQLException {
        assertWalks("conversations_by_user", ConversationQuery.ofUser(user), PageRequest.first(20));
    }

    @Test
    void should_list_an_agents_conversations_in_either_order_from_its_indexes() throws SQLException {
        ConversationQuery agents = ConversationQuery.all().underAgent(agent);
        assertWalks("conversations_by_agent", agents, PageRequest.first(20));
        assertWalks(
                "conversations_by_agent_activity",
                agents.orderedBy(ConversationOrder.RECENT_ACTIVITY),
                PageRequest.first(20));
    }

    @Test
    void should_list_the_whole_tenant_in_either_order_from_its_indexes() throws SQLException {
        assertWalks("conversations_pkey", ConversationQuery.all(), PageRequest.first(20));
        assertWalks(
                "conversations_by_activity",
                ConversationQuery.all().orderedBy(ConversationOrder.RECENT_ACTIVITY),
                PageRequest.first(20));
    }

    private static void assertWalks(String index, ConversationQuery query, PageRequest page) throws SQLException {
        assertThat(plan(query, page))
                .containsPattern("Index (Only )?Scan (Backward )?using " + index + " ")
                .doesNotContain("Sort")
                .doesNotContain("Seq Scan");
    }

    /** The plan of the listing's statement, as the runtime role in a transaction scoped to the tenant. */
    private static String plan(ConversationQuery query, PageRequest page) throws SQLException {
        return TenantPlans.explain(
                database, TENANT, dsl -> dsl.renderInlined(ConversationQueries.select(TENANT, query, page)));
    }
}
