package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.Secret;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.agent.ChannelDefaults;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.block.NewMemoryBlock;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.checkpoint.PendingWrite;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationBranch;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageEdit;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewSummary;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.errorlog.NewError;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.recall.MessageEmbedding;
import dev.agentstore.recall.RecallScope;
import dev.agentstore.run.NewRun;
import dev.agentstore.security.Credential;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.NewCredential;
import dev.agentstore.spi.Ids;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TenantPolicyCatalog;
import dev.agentstore.usage.ApiCall;
import dev.agentstore.usage.QuotaPeriod;
import dev.agentstore.usage.UsageLimit;
import dev.agentstore.usage.UsageSubject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A row in every table of store-postgres's two schemas, written through the repositories for one tenant. */
final class EveryTable {
    /** The external id of the seeded user. */
    static final String USER = "every-table-user";

    private EveryTable() {}

    /** Writes at least one row of {@code tenant}'s into every table. */
    static void seed(AgentStore tenant) {
        Instant now = Instant.now();
        User user = tenant.conversations().upsertUser(NewUser.of("web", USER));
        Conversation chat = tenant.conversations().createConversation(NewConversation.forUser(user.id()));
        ChatSession session = tenant.conversations().startSession(user.id(), Map.of());
        Message answer = tenant.conversations()
                .appendAll(chat.id(), List.of(NewMessage.user("hello", 1), NewMessage.assistant("hi", 1)), "k1")
                .get(1);
        Message question = tenant.conversations().lastMessages(chat.id(), 2).getFirst();
        tenant.conversations().editMessage(chat.id(), question.id(), new MessageEdit("hello again", 2, USER));
        tenant.summaries().record(chat.id(), NewSummary.of("a greeting", 1, 2));
        tenant.conversations().fork(chat.id(), question.id());
        tenant.conversations().switchBranch(chat.id(), ConversationBranch.MAIN);
        UUID run = tenant.runs()
                .create(NewRun.of(user.id(), "planner").inConversation(chat.id()))
                .id();
        tenant.checkpoints()
                .put(NewCheckpoint.of("thread", "c1", Map.of("step", 1)).forRun(run));
        tenant.checkpoints().putWrites("thread", "", "c1", List.of(new PendingWrite("task", 0, "channel", "v")));
        tenant.feedback().give(NewFeedback.onMessage(user.id(), chat.id(), answer.id(), 5));
        tenant.agents().define(AgentSpec.builder(user.id(), "planner", "m").build());
        UUID helper =
                tenant.agents().findByName(user.id(), "planner").orElseThrow().id();
        MemoryBlock persona =
                tenant.memoryBlocks().create(NewMemoryBlock.of(BlockOwner.agent(helper), "persona", "calm"), helper);
        MemoryBlock notes = tenant.memoryBlocks().create(NewMemoryBlock.of(BlockOwner.shared(), "notes", ""), null);
        tenant.memoryBlocks().edit(notes.id(), 1, "seeded", user.id());
        tenant.memoryBlocks().attach(notes.id(), helper);
        tenant.memoryBlocks().create(NewMemoryBlock.of(BlockOwner.user(user.id()), "human", "seeded"), user.id());
        tenant.memoryBlocks().edit(persona.id(), 1, "calmer", user.id());
        tenant.recall().enable(RecallScope.user(user.id()));
        tenant.recall().enable(RecallScope.agent(helper));
        tenant.recall().embed(chat.id(), List.of(new MessageEmbedding(answer.id(), new float[] {1, 2, 3})));
        tenant.agents().setChannelDefaults(new ChannelDefaults("web", "m", Map.of()));
        tenant.models().register(ModelSpec.builder("m", ModelFormat.API).build());
        tenant.responseCache().put(CacheKey.of("m", Map.of(), "p"), "r", Duration.ofHours(1), Map.of());
        tenant.metrics().recordSystem(SystemSample.of(now, "host", 10, 20));
        tenant.metrics().recordPoint(SeriesPoint.of("queue.depth", now, 3).withLabel("queue", "ingest"));
        tenant.metrics()
                .recordLlm(
                        LlmRequestMetric.success(Ids.newId(), now, "m", 1, 2, 3).inSession(session.id(), chat.id()));
        tenant.metrics().rollupDay(LocalDate.now(ZoneOffset.UTC));
        tenant.metrics().rollupActivity(LocalDate.now(ZoneOffset.UTC));
        tenant.apiUsage().record(ApiCall.forUser(Ids.newId(), now, user.id(), "/v1/chat", 200, 5));
        tenant.apiUsage().setLimit(UsageLimit.requests(UsageSubject.user(user.id()), QuotaPeriod.DAY, 10));
        tenant.errorLog().log(NewError.of("svc", "Boom", "seeded"));
        tenant.auditLog().append(NewAuditEntry.of(user.id(), "seeded", "table", null));
        Credential credential = tenant.security()
                .createCredential(new NewCredential("every", "every@example.com", Secret.of("a long seeded password"))
                        .forUser(user.id()));
        tenant.security().requestPasswordReset("every@example.com", (account, token) -> {});
        tenant.security().createApiKey(new NewApiKey(credential.id(), "k", Set.of(), null));
        tenant.security().verifyPassword("every", Secret.of("a wrong password"), LoginContext.unknown());
    }

    /** Every table of both schemas as {@code schema.table}, without partitions and Flyway's history tables. */
    static List<String> names(PostgresDatabase database) throws SQLException {
        try (Connection admin = database.adminConnection()) {
            return TenantPolicyCatalog.dataTables(admin, "agentstore", "agentstore_security").stream()
                    .filter(table -> !table.startsWith("agentstore.vector"))
                    .toList();
        }
    }
}
