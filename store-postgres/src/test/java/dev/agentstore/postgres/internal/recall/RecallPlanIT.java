package dev.agentstore.postgres.internal.recall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.postgres.TenantPlans;
import dev.agentstore.recall.MessageEmbedding;
import dev.agentstore.recall.RecallScope;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN, as the runtime role under row-level security, of the generic plan the recall statement runs with (its
 * settings force one, planned once per connection): the vector ranking walks the dimension's HNSW index instead of
 * sorting the user's embeddings, the text ranking reads the term index, and every candidate's message and
 * conversation is read by key: no table is scanned, whatever the number of candidates (a generic plan is made without
 * it), for a user with 60,000 past turns.
 */
class RecallPlanIT {
    private static final String TENANT = "recall-plan-" + UUID.randomUUID();
    private static final int DIMENSION = 6;

    private static PostgresDatabase database;
    private static AgentStore store;
    private static UUID user;

    @BeforeAll
    static void embedPastTurns() {
        database = PostgresDatabase.create(TestServers.postgres());
        store = AgentStore.open(
                database.storeConfig().toBuilder().migrateOnOpen(true).build());
        AgentStore tenant = store.forTenant(TENANT);
        ConversationRepository chats = tenant.conversations();
        user = chats.upsertUser(NewUser.of("web", "planned")).id();
        tenant.recall().enable(RecallScope.user(user));
        Random random = new Random(6);
        for (int c = 0; c < 3; c++) {
            Conversation chat = chats.createConversation(NewConversation.forUser(user));
            List<NewMessage> turns = new ArrayList<>();
            for (int m = 0; m < 20; m++) {
                String text = "trip " + c + " turn " + m + " about lisbon and porto";
                turns.add(m % 2 == 0 ? NewMessage.user(text, 10) : NewMessage.assistant(text, 10));
            }
            List<MessageEmbedding> embeddings = new ArrayList<>();
            for (Message message : chats.appendAll(chat.id(), turns)) {
                embeddings.add(new MessageEmbedding(message.id(), vector(random)));
            }
            tenant.recall().embed(chat.id(), embeddings);
        }
        // a long past, not embedded, so the planner knows the user's messages are many and candidates few
        database.executeAsAdmin("insert into agentstore.messages (tenant_id, conversation_id, sequence, id, role,"
                + " content, token_count, created_at) select c.tenant_id, c.id, 1000 + g, gen_random_uuid(), 'USER',"
                + " 'an older turn ' || g, 5, now() - g * interval '1 minute' from agentstore.conversations c"
                + " cross join generate_series(1, 20000) g where c.tenant_id = '" + TENANT + "'");
        database.executeAsAdmin("vacuum analyze");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void should_walk_the_hnsw_index_and_the_term_index_without_scanning_a_table() throws SQLException {
        String plan = explain(new String[] {"lisbon", "porto"}, vector(new Random(7)));

        assertThat(plan)
                .contains("Index Scan using message_embeddings_hnsw_" + DIMENSION)
                .contains("message_terms_by_weight")
                .doesNotContain("Seq Scan")
                .doesNotContain("Bitmap Heap Scan")
                .doesNotContain("Sort Key: (((e.embedding");
        assertEveryReadByKey(plan);
    }

    @Test
    void should_walk_the_hnsw_index_when_recalling_by_vector_alone() throws SQLException {
        String plan = explain(null, vector(new Random(8)));

        assertThat(plan)
                .contains("Index Scan using message_embeddings_hnsw_" + DIMENSION)
                .doesNotContain("message_terms")
                .doesNotContain("Seq Scan")
                .doesNotContain("Bitmap Heap Scan");
        assertEveryReadByKey(plan);
    }

    /**
     * Every index condition names a key beyond the tenant (a condition on the tenant alone would walk all of its
     * rows), but the tenant's agent opt-ins, read once into a hashed set (as many rows as opted-in agents).
     */
    private static void assertEveryReadByKey(String plan) {
        for (String line : plan.split("\n")) {
            if (line.contains("Index Cond:") && !line.contains("kind = 'AGENT'")) {
                assertThat(line).as("index condition in%n%s", plan).containsPattern("AND \\(\\w*id = ");
            }
        }
    }

    /** The generic plan of a recall of 5 hits from 40 candidates each, as {@link PostgresRecall} sends it. */
    private static String explain(String[] terms, float[] vector) throws SQLException {
        var in = new RecallSql.Inputs(
                DSL.val(TENANT),
                DSL.val(user),
                DSL.val((UUID) null, SQLDataType.UUID),
                DSL.val(0L),
                terms == null ? null : DSL.val(terms),
                DSL.val(PostgresRecall.vectorText(vector)),
                DIMENSION,
                DSL.val(40),
                DSL.val(5),
                DSL.val(1),
                List.of(DSL.val(1.0), DSL.val(1.0), DSL.val(0.5)),
                DSL.val(60),
                DSL.trueCondition());
        return TenantPlans.explainGeneric(
                database, TENANT, PostgresRecall.searchSettings(40), dsl -> RecallSql.query(in));
    }

    private static float[] vector(Random random) {
        float[] vector = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }
}
