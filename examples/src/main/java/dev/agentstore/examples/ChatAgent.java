package dev.agentstore.examples;

import dev.agentstore.AgentStore;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.StoreConfig;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.cache.CachedResponse;
import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationBranch;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.UsageStats;
import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimitDecision;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A multi-turn chat loop as an agent runs it, with {@link ScriptedModel} standing in for the model. Each turn:
 * check the user's rate limit, store the question, answer from the response cache if the same question was
 * answered before, otherwise build the prompt from a token-budget context window (plus a running summary of
 * what fell out of it), call the model and record its metrics, then store the answer. At the end the user asks for
 * another answer to the last question, which forks the conversation into a new branch. Run it with the command in
 * the README; it uses the in-memory backend unless {@code AGENTSTORE_POSTGRES_URL} / {@code AGENTSTORE_REDIS_URL}
 * point at servers.
 */
public final class ChatAgent {
    /** The tokens of conversation sent to the model with each question (small, so the summary comes into play). */
    static final int CONTEXT_BUDGET = 120;
    /** Questions a user may ask per minute. */
    static final RateLimit QUESTIONS_PER_MINUTE = RateLimit.of(6, Duration.ofMinutes(1));
    /** The model parameters the cache key includes: another temperature is another answer. */
    private static final Map<String, Object> PARAMETERS = Map.of("temperature", 0.0);

    private static final List<String> QUESTIONS = List.of(
            "Hi! I land in Oslo on Friday. Which museum should I visit first?",
            "How long does the train to Bergen take?",
            "Where can I go skiing without a car?",
            "Where should I eat on Saturday evening?",
            "How long does the train to Bergen take?",
            "What weather should I pack for?",
            "Anything else for Sunday?");

    private final AgentStore store;
    private final PrintStream out;
    private final ScriptedModel model = new ScriptedModel();

    private ChatAgent(AgentStore store, PrintStream out) {
        this.store = store;
        this.out = out;
    }

    /** Opens the store from the environment and runs the chat on it. */
    public static void main(String[] args) {
        try (AgentStore store = AgentStore.open(StoreConfig.fromEnvironment())) {
            run(store, System.out);
        }
    }

    /** Runs one user's chat on an open store, printing each turn and the usage at the end. */
    public static void run(AgentStore store, PrintStream out) {
        new ChatAgent(store, out).chat();
    }

    private void chat() {
        ConversationRepository chats = store.conversations();
        User user = chats.upsertUser(NewUser.of("web", "traveller-" + UUID.randomUUID()));
        Conversation chat =
                chats.createConversation(NewConversation.forUser(user.id()).withTitle("Weekend in Oslo"));
        String system = "You are a concise travel assistant for Oslo.";
        chats.append(chat.id(), NewMessage.system(system, ScriptedModel.tokens(system)));
        Instant start = Instant.now();
        for (String question : QUESTIONS) {
            turn(user, chat.id(), question);
        }
        regenerateLastAnswer(chat.id());
        report(chats.findConversation(chat.id()).orElseThrow(), start);
    }

    private void turn(User user, UUID chatId, String question) {
        RateLimitDecision allowed = store.rateLimits().tryAcquire("questions:" + user.id(), QUESTIONS_PER_MINUTE);
        if (!allowed.allowed()) {
            out.printf(
                    "user: %s%n  (rate limited: ask again in %d s)%n",
                    question, allowed.retryAfter().toSeconds());
            return;
        }
        ConversationRepository chats = store.conversations();
        chats.append(chatId, NewMessage.user(question, ScriptedModel.tokens(question)));
        CacheKey key = CacheKey.of(ScriptedModel.NAME, PARAMETERS, question);
        String answer = store.responseCache()
                .get(key)
                .map(cached -> fromCache(question, cached))
                .orElseGet(() -> fromModel(chatId, question, key));
        chats.append(chatId, NewMessage.assistant(answer, ScriptedModel.tokens(answer)));
    }

    /**
     * The user asks for another answer to the last question: a fork at the question starts a new branch, current from
     * then on, and the first answer stays on the branch it was given on (a UI shows both, like ChatGPT's arrows).
     */
    private void regenerateLastAnswer(UUID chatId) {
        ConversationRepository chats = store.conversations();
        List<Message> last = chats.lastMessages(chatId, 2);
        Message question = last.get(0);
        Message firstAnswer = last.get(1);
        ConversationBranch branch = chats.fork(chatId, question.id());
        ContextWindow window = chats.contextWindow(chatId, CONTEXT_BUDGET);
        ScriptedModel.Reply reply = model.answerAgain(window.messages(), firstAnswer.content());
        record(LlmRequestMetric.success(
                UUID.randomUUID(),
                Instant.now(),
                ScriptedModel.NAME,
                reply.promptTokens(),
                reply.completionTokens(),
                reply.latencyMillis()));
        chats.append(chatId, NewMessage.assistant(reply.text(), ScriptedModel.tokens(reply.text())));
        out.printf(
                "regenerate: %s%n  assistant (branch %d): %s%n  (the first answer stays on branch %d: %s)%n",
                question.content(), branch.number(), reply.text(), branch.parentBranch(), firstAnswer.content());
        out.printf("branches: %d, current: %d%n", chats.branches(chatId).size(), branch.number());
    }

    /** A cached answer: no model call, recorded as a cache hit. */
    private String fromCache(String question, CachedResponse cached) {
        record(LlmRequestMetric.success(UUID.randomUUID(), Instant.now(), ScriptedModel.NAME, 0, 0, 0)
                .withCacheHit(true));
        out.printf("user: %s%n  assistant (from cache): %s%n", question, cached.response());
        return cached.response();
    }

    /** Asks the model with the context window (and a summary of what fell out of it), records and caches it. */
    private String fromModel(UUID chatId, String question, CacheKey key) {
        ContextWindow window = store.conversations().contextWindow(chatId, CONTEXT_BUDGET);
        String summary = window.truncated() ? summarise(chatId, window) : null;
        ScriptedModel.Reply reply = model.answer(window.messages(), summary);
        record(LlmRequestMetric.success(
                UUID.randomUUID(),
                Instant.now(),
                ScriptedModel.NAME,
                reply.promptTokens(),
                reply.completionTokens(),
                reply.latencyMillis()));
        store.responseCache()
                .put(key, reply.text(), Duration.ofHours(1), Map.of("completionTokens", reply.completionTokens()));
        out.printf(
                "user: %s%n  assistant: %s%n  (prompt: %d messages, %d tokens%s)%n",
                question,
                reply.text(),
                window.messages().size(),
                reply.promptTokens(),
                summary == null ? "" : ", with a summary of the earlier turns");
        return reply.text();
    }

    /**
     * The running summary of what fell out of the window, brought up to date and stored on the conversation
     * (optimistically: the update names the version it read).
     */
    private String summarise(UUID chatId, ContextWindow window) {
        ConversationRepository chats = store.conversations();
        long firstInWindow = window.messages().stream()
                .filter(m -> m.role() != MessageRole.SYSTEM)
                .mapToLong(Message::sequence)
                .min()
                .orElse(Long.MAX_VALUE);
        ScriptedModel.Reply summary = model.summarise(olderThan(chatId, firstInWindow));
        Conversation chat = chats.findConversation(chatId).orElseThrow();
        chats.updateConversation(
                chatId, ConversationUpdate.expecting(chat.version()).summary(summary.text()));
        return summary.text();
    }

    /** The messages before {@code sequence}, oldest first, system messages left out: keyset pages of the history. */
    private List<Message> olderThan(UUID chatId, long sequence) {
        List<Message> older = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(50));
        while (request.isPresent()) {
            Page<Message> page = store.conversations().history(chatId, HistoryOrder.OLDEST_FIRST, request.get());
            for (Message message : page.items()) {
                if (message.sequence() >= sequence) {
                    return older;
                }
                if (message.role() != MessageRole.SYSTEM) {
                    older.add(message);
                }
            }
            request = page.nextRequest(request.get());
        }
        return older;
    }

    private void record(LlmRequestMetric metric) {
        store.metrics().recordLlm(metric);
    }

    private void report(Conversation chat, Instant start) {
        UsageStats usage = store.metrics()
                .usageByModel(MetricQuery.between(start, Instant.now().plusSeconds(1)))
                .get(ScriptedModel.NAME);
        out.printf("summary stored on the conversation: %s%n", chat.summary());
        out.printf(
                "usage: %d answers, %.0f%% from the cache, %d tokens, p50 latency %.0f ms%n",
                usage.requests(), usage.cacheHitRate() * 100, usage.totalTokens(), usage.p50LatencyMillis());
    }
}
