package dev.agentstore.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.agentstore.AgentStore;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Issue 23's profile of the chat read (the last 20 messages of a conversation), one component at a time, all
 * sides on the same data in the same run, taking turns call by call:
 *
 * <ol>
 *   <li>raw JDBC on a plain, unprotected copy of the messages (same columns, an index on conversation and
 *       sequence), one statement: what a developer without isolation would write;
 *   <li>the same, preceded in the same round trip by {@code select set_config('agentstore.tenant_id', ?, true)}:
 *       the cost of the extra statement alone;
 *   <li>one statement on agentstore's own table as its owner, without row-level security: the table itself (its
 *       key has the tenant in front, its rows more columns);
 *   <li>the two statements on agentstore's own table as the runtime role, under row-level security: adds the
 *       policy (planned as a one-time filter beside the query's own tenant condition) and the tenant statement;
 *   <li>the same with the transaction made read-only by a second {@code set_config} in the tenant statement, as
 *       agentstore marks its reads: the cost of that flag;
 *   <li>the same with agentstore's own statement, which also reads each message's revision and edit time and only
 *       live (not deleted) rows;
 *   <li>agentstore's {@code lastMessages} through a kept tenant view: adds the pool, validation and records;
 *   <li>an idea to measure: one statement calling a PL/pgSQL function whose body sets the tenant and then reads,
 *       so the order is guaranteed without a second statement (its plans are cached per connection);
 *   <li>an idea to measure: one plain statement whose read is a lateral subquery of a one-row subquery that sets
 *       the tenant: the read takes the tenant from that row, so PostgreSQL must run the subquery first (a nested
 *       loop with it outside), and if it ever did not, the policy would see no tenant and return nothing.
 * </ol>
 *
 * Also times a HikariCP checkout and return on its own, with agentstore's pool settings. Every side reads the
 * same twelve columns, but the row of agentstore's own statement. Prints a Markdown table of medians over rounds.
 */
public final class ChatReadProfile {
    private static final int CONVERSATIONS = 500;
    private static final int MESSAGES = 50;
    private static final int READS = 5_000;
    private static final int CHECKOUTS = 100_000;
    private static final String TENANT = "profile";
    private static final String COLUMNS = "id, sequence, role, content, tool_calls, tool_call_id, model_id,"
            + " request_id, token_count, metadata, created_at, run_id";
    private static final String SET_TENANT = "select set_config('agentstore.tenant_id', ?, true); ";
    private static final String SET_TENANT_READ_ONLY =
            "select set_config('agentstore.tenant_id', ?, true), set_config('transaction_read_only', 'on', true); ";
    private static final String PLAIN = "select " + COLUMNS + " from public.plain_messages"
            + " where conversation_id = ? order by sequence desc limit 20";
    private static final String PROTECTED = "select " + COLUMNS + " from agentstore.messages"
            + " where tenant_id = ? and conversation_id = ? order by sequence desc limit 20";

    /** What agentstore's lastMessages sends since edits and tombstones: two more columns, live rows only. */
    private static final String AGENTSTORE_STATEMENT = "select " + COLUMNS + ", revision, edited_at"
            + " from agentstore.messages where tenant_id = ? and conversation_id = ? and live"
            + " order by sequence desc limit ?";

    private static final String FUNCTION = "select * from public.profile_last(?, ?)";
    private static final String LATERAL = "select m.* from (select set_config('agentstore.tenant_id', ?, true) as"
            + " tenant) t cross join lateral (select " + COLUMNS + " from agentstore.messages where tenant_id ="
            + " t.tenant and conversation_id = ? order by sequence desc limit 20) m";

    private ChatReadProfile() {}

    /** Runs {@code args[0]} rounds (default 5) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        List<UUID> chats;
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database))) {
            chats = seed(store.forTenant(TENANT).conversations());
        }
        try (Connection admin = database.adminConnection();
                Statement ddl = admin.createStatement()) {
            ddl.execute("create table public.plain_messages as select * from agentstore.messages");
            ddl.execute("alter table public.plain_messages add primary key (conversation_id, sequence)");
            ddl.execute("grant select on public.plain_messages to " + database.runtimeRole());
            ddl.execute(
                    "create view public.profile_row as select " + COLUMNS + " from agentstore.messages where false");
            ddl.execute("create function public.profile_last(p_tenant text, p_conversation uuid)"
                    + " returns setof public.profile_row language plpgsql as $$ begin"
                    + " perform set_config('agentstore.tenant_id', p_tenant, true);"
                    + " return query select " + COLUMNS + " from agentstore.messages"
                    + " where tenant_id = p_tenant and conversation_id = p_conversation order by sequence desc limit 20;"
                    + " end $$");
            ddl.execute("grant execute on function public.profile_last(text, uuid) to " + database.runtimeRole());
            ddl.execute("vacuum analyze public.plain_messages");
            ddl.execute("vacuum analyze agentstore.messages");
        }
        ProfileTable<UUID> table = new ProfileTable<>(rounds);
        double[] checkoutNanos = new double[rounds];
        List<UUID> reads = new ArrayList<>(READS);
        for (int i = 0; i < READS; i++) {
            reads.add(chats.get(i % chats.size()));
        }
        for (int round = -1; round < rounds; round++) { // round -1 warms up
            try (Connection plain = database.runtimeConnection();
                    Connection scoped = database.runtimeConnection();
                    Connection protectedTable = database.runtimeConnection();
                    Connection readOnly = database.runtimeConnection();
                    Connection sameStatement = database.runtimeConnection();
                    Connection function = database.runtimeConnection();
                    Connection lateral = database.runtimeConnection();
                    Connection owner = database.adminConnection();
                    AgentStore store = AgentStore.open(BenchmarkConfig.of(database))) {
                ConversationRepository conversations = store.forTenant(TENANT).conversations();
                table.round(
                        round,
                        List.of(
                                new ProfileTable.Side<UUID>(
                                        "raw JDBC, plain table, one statement",
                                        chat -> JdbcDrain.run(plain, PLAIN, chat)),
                                new ProfileTable.Side<UUID>(
                                        "+ tenant set in the same round trip (plain table)",
                                        chat -> JdbcDrain.run(scoped, SET_TENANT + PLAIN, TENANT, chat)),
                                new ProfileTable.Side<UUID>(
                                        "raw JDBC, agentstore.messages as its owner, one statement (no row-level"
                                                + " security)",
                                        chat -> JdbcDrain.run(owner, PROTECTED, TENANT, chat)),
                                new ProfileTable.Side<UUID>(
                                        "+ row-level security (agentstore.messages, runtime role)",
                                        chat -> JdbcDrain.run(
                                                protectedTable, SET_TENANT + PROTECTED, TENANT, TENANT, chat)),
                                new ProfileTable.Side<UUID>(
                                        "+ read-only transaction, set beside the tenant (RLS)",
                                        chat -> JdbcDrain.run(
                                                readOnly, SET_TENANT_READ_ONLY + PROTECTED, TENANT, TENANT, chat)),
                                new ProfileTable.Side<UUID>(
                                        "+ agentstore's statement: revision and edit time too, live rows only (RLS)",
                                        chat -> JdbcDrain.run(
                                                sameStatement,
                                                SET_TENANT_READ_ONLY + AGENTSTORE_STATEMENT,
                                                TENANT,
                                                TENANT,
                                                chat,
                                                20)),
                                new ProfileTable.Side<UUID>(
                                        "+ agentstore lastMessages (pool, validation, records)",
                                        chat -> conversations.lastMessages(chat, 20)),
                                new ProfileTable.Side<UUID>(
                                        "idea: one statement, a PL/pgSQL function that sets the tenant, then reads"
                                                + " (RLS)",
                                        chat -> JdbcDrain.run(function, FUNCTION, TENANT, chat)),
                                new ProfileTable.Side<UUID>(
                                        "idea: one statement, the tenant set in a subquery the read depends on"
                                                + " (lateral join, RLS)",
                                        chat -> JdbcDrain.run(lateral, LATERAL, TENANT, chat))),
                        reads);
                if (round >= 0) {
                    checkoutNanos[round] = checkout(database);
                }
            }
        }
        table.print(0, "plain table");
        System.out.printf(
                Locale.ROOT,
                "%nHikariCP checkout and return alone: %.0f ns (median of rounds)%n",
                Samples.median(checkoutNanos));
    }

    /** Nanoseconds per checkout and return of a pooled connection, with agentstore's pool settings. */
    private static double checkout(PostgresDatabase database) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.runtimeRole());
        config.setPassword("runtime");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            for (int i = 0; i < CHECKOUTS / 10; i++) {
                pool.getConnection().close();
            }
            long start = System.nanoTime();
            for (int i = 0; i < CHECKOUTS; i++) {
                pool.getConnection().close();
            }
            return (System.nanoTime() - start) / (double) CHECKOUTS;
        }
    }

    private static List<UUID> seed(ConversationRepository conversations) {
        UUID user = conversations.upsertUser(NewUser.of("web", "profiled")).id();
        List<UUID> ids = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            Conversation chat = conversations.createConversation(NewConversation.forUser(user));
            List<NewMessage> messages = new ArrayList<>();
            for (int m = 0; m < MESSAGES; m++) {
                String text = "x".repeat(290) + " message " + m;
                messages.add(m % 2 == 0 ? NewMessage.user(text, 100) : NewMessage.assistant(text, 100));
            }
            conversations.appendAll(chat.id(), messages);
            ids.add(chat.id());
        }
        return ids;
    }
}
