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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *   <li>the same two statements on agentstore's own table as the runtime role, under row-level security: adds
 *       the policy's predicate per row;
 *   <li>agentstore's {@code lastMessages} through a kept tenant view: adds the pool, validation and records;
 *   <li>an idea to measure: one statement calling a PL/pgSQL function whose body sets the tenant and then reads,
 *       so the order is guaranteed without a second statement (its plans are cached per connection).
 * </ol>
 *
 * Also times a HikariCP checkout and return on its own, with agentstore's pool settings. Every side reads the
 * same twelve columns. Prints a Markdown table of medians over rounds.
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
    private static final String PLAIN = "select " + COLUMNS + " from public.plain_messages"
            + " where conversation_id = ? order by sequence desc limit 20";
    private static final String PROTECTED = "select " + COLUMNS + " from agentstore.messages"
            + " where tenant_id = ? and conversation_id = ? order by sequence desc limit 20";

    private static final String FUNCTION = "select * from public.profile_last(?, ?)";

    private ChatReadProfile() {}

    /** One way to read the last 20 messages of a conversation. */
    private interface Side {
        void read(UUID conversation) throws SQLException;
    }

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
        String[] names = {
            "raw JDBC, plain table, one statement",
            "+ tenant set in the same round trip (plain table)",
            "+ row-level security (agentstore.messages, runtime role)",
            "+ agentstore lastMessages (pool, validation, records)",
            "idea: one statement, a PL/pgSQL function that sets the tenant, then reads (RLS)"
        };
        Map<String, double[]> p50 = new LinkedHashMap<>();
        Map<String, double[]> p99 = new LinkedHashMap<>();
        for (String name : names) {
            p50.put(name, new double[rounds]);
            p99.put(name, new double[rounds]);
        }
        double[] checkoutNanos = new double[rounds];
        for (int round = -1; round < rounds; round++) { // round -1 warms up
            try (Connection plain = database.runtimeConnection();
                    Connection scoped = database.runtimeConnection();
                    Connection protectedTable = database.runtimeConnection();
                    Connection function = database.runtimeConnection();
                    AgentStore store = AgentStore.open(BenchmarkConfig.of(database))) {
                ConversationRepository conversations = store.forTenant(TENANT).conversations();
                Side[] sides = {
                    chat -> drain(plain, PLAIN, chat),
                    chat -> drain(scoped, SET_TENANT + PLAIN, TENANT, chat),
                    chat -> drain(protectedTable, SET_TENANT + PROTECTED, TENANT, TENANT, chat),
                    chat -> conversations.lastMessages(chat, 20),
                    chat -> drain(function, FUNCTION, TENANT, chat)
                };
                List<Samples> samples = new ArrayList<>();
                for (int s = 0; s < sides.length; s++) {
                    samples.add(new Samples());
                }
                for (int i = 0; i < READS; i++) {
                    UUID chat = chats.get(i % chats.size());
                    for (int k = 0; k < sides.length; k++) {
                        int s = (i + k) % sides.length; // rotate who goes first
                        Side side = sides[s];
                        samples.get(s).time(() -> {
                            try {
                                side.read(chat);
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    }
                }
                if (round >= 0) {
                    for (int s = 0; s < sides.length; s++) {
                        p50.get(names[s])[round] = samples.get(s).percentileMillis(0.5);
                        p99.get(names[s])[round] = samples.get(s).percentileMillis(0.99);
                    }
                    checkoutNanos[round] = checkout(database);
                }
            }
        }
        double base = Samples.median(p50.get(names[0]));
        System.out.println("| side | p50 (ms) | p99 (ms) | p50 vs plain table | per-round p50 ratio |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (String name : names) {
            double median = Samples.median(p50.get(name));
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = p50.get(name)[round] / p50.get(names[0])[round];
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.2fx | %.2fx |%n",
                    name,
                    median,
                    Samples.median(p99.get(name)),
                    median / base,
                    Samples.median(ratios));
        }
        System.out.printf(
                Locale.ROOT,
                "%nHikariCP checkout and return alone: %.0f ns (median of rounds)%n",
                Samples.median(checkoutNanos));
    }

    /** Runs {@code sql} with {@code values} bound in order and reads every column of every row it returns. */
    private static void drain(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                read.setObject(i + 1, values[i]);
            }
            boolean isResultSet = read.execute();
            while (isResultSet || read.getUpdateCount() != -1) {
                if (isResultSet) {
                    try (ResultSet rows = read.getResultSet()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int c = 1; c <= columns; c++) {
                                rows.getObject(c);
                            }
                        }
                    }
                }
                isResultSet = read.getMoreResults();
            }
        }
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
