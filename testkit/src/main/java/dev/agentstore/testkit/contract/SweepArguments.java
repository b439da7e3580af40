package dev.agentstore.testkit.contract;

import dev.agentstore.Limits;
import dev.agentstore.Secret;
import dev.agentstore.agent.AgentRepository;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.NewMemoryBlock;
import dev.agentstore.conversation.ConversationQuery;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.ImportedConversation;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.run.RunQuery;
import dev.agentstore.security.ImportedCredential;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.spi.Ids;
import dev.agentstore.usage.ApiCall;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.HybridSearchRequest;
import dev.agentstore.vector.SearchRequest;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The arguments of {@link BadInputSweepContract}: for each parameter, the bad values to try, and a valid value of its
 * own kind for the other parameters (the seeded thing its name stands for: a {@code runId} gets the seeded run, a
 * {@code credentialId} the seeded credential, a {@code collection} the seeded collection), so that a call reaches the
 * bad argument instead of failing on a missing one. Bad values include records carrying bad content ({@link Built}):
 * a message with NUL in its text, a chunk of the wrong dimension, a filter nested 10,000 deep, metrics far from now.
 */
final class SweepArguments {
    /** The ids of what the sweep seeds in a tenant. */
    record Seeded(
            UUID user,
            UUID conversation,
            UUID message,
            UUID session,
            UUID credential,
            UUID apiKey,
            UUID run,
            UUID agent,
            UUID feedback,
            UUID model,
            UUID auditEntry,
            UUID errorEntry) {}

    /**
     * A bad value built when the call is made, so that a record whose constructor refuses the bad content is refused
     * as part of the call (the earliest place the API can refuse it).
     */
    record Built(String description, Supplier<Object> value) {
        @Override
        public String toString() {
            return description;
        }
    }

    private final AtomicInteger counter = new AtomicInteger();
    private final Clock clock;
    private final Secret password;
    private final Seeded seeded;

    private final SweepValues values;

    SweepArguments(Clock clock, Secret password, Seeded seeded) {
        this.clock = clock;
        this.password = password;
        this.seeded = seeded;
        this.values = new SweepValues(clock, password, seeded, counter);
    }

    /** The bad values for a parameter type: null always, more for the types that carry raw data or records. */
    List<Object> bad(Type type) {
        Class<?> raw = raw(type);
        List<Object> bad = new ArrayList<>();
        if (!raw.isPrimitive()) {
            bad.add(null);
        }
        Instant now = clock.instant();
        Instant longAgo = Instant.parse("1970-01-15T00:00:00Z");
        if (raw == String.class) {
            bad.addAll(List.of(
                    "",
                    "   ",
                    "a\u0000b",
                    "lone \uD800 surrogate",
                    "x".repeat(Limits.MAX_TEXT_CHARS + 1),
                    "x'); drop table messages; --",
                    "%_\\%"));
        } else if (raw == UUID.class) {
            bad.add(UUID.randomUUID());
        } else if (raw == int.class) {
            bad.addAll(List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE));
        } else if (raw == long.class) {
            bad.addAll(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
        } else if (raw == Instant.class) {
            bad.addAll(List.of(Instant.MIN, Instant.MAX, Instant.EPOCH.minusSeconds(1)));
        } else if (raw == Duration.class) {
            bad.addAll(List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(100_000)));
        } else if (raw == LocalDate.class) {
            bad.addAll(List.of(LocalDate.MIN, LocalDate.MAX));
        } else if (raw == Map.class) {
            bad.addAll(List.of(Map.of("nul\u0000key", "v"), Map.of("nan", Double.NaN), deepMap()));
        } else if (raw == List.class || raw == Collection.class || raw == Set.class) {
            Collection<Object> withNull = raw == Set.class ? new HashSet<>() : new ArrayList<>();
            withNull.add(null);
            bad.add(withNull);
            bad.addAll(badElements(((ParameterizedType) type).getActualTypeArguments()[0]));
        } else if (raw == Secret.class) {
            bad.add(Secret.of(""));
        } else if (raw == SearchRequest.class) {
            bad.add(new Built(
                    "a search with a NaN in its vector", () -> SearchRequest.of(new float[] {Float.NaN, 0, 0}, 5)));
            bad.add(SearchRequest.of(new float[] {1, 0}, 5));
            bad.add(SearchRequest.of(new float[] {1, 0, 0}, 5).withFilter(deepFilter()));
            bad.add(SearchRequest.of(new float[] {1, 0, 0}, 5).withFilter(wideFilter()));
        } else if (raw == HybridSearchRequest.class) {
            bad.add(HybridSearchRequest.of(SearchRequest.of(new float[] {1, 0}, 5), "text"));
            bad.add(HybridSearchRequest.of(
                    SearchRequest.of(new float[] {1, 0, 0}, 5).withFilter(deepFilter()), "t"));
        } else if (raw == Filter.class) {
            bad.addAll(List.of(deepFilter(), wideFilter()));
        } else if (raw == HistoryImport.class) {
            bad.add(HistoryImport.of(
                    List.of(), List.of(ImportedConversation.of(UUID.randomUUID(), UUID.randomUUID(), now, List.of()))));
        } else if (raw == RunQuery.class) {
            bad.add(RunQuery.all().where(deepFilter()));
        } else if (raw == ConversationQuery.class) {
            bad.add(ConversationQuery.all().where(deepFilter()));
            bad.add(ConversationQuery.all().where(wideFilter()));
            bad.add(new Built(
                    "a query without an order", () -> ConversationQuery.all().orderedBy(null)));
        } else if (raw == NewMessage.class) {
            bad.addAll(badElements(NewMessage.class));
        } else if (raw == NewConversation.class) {
            bad.add(NewConversation.forUser(UUID.randomUUID()));
        } else if (raw == ConversationUpdate.class) {
            bad.add(ConversationUpdate.expecting(999).title("a title for a version that never was"));
        } else if (raw == NewFeedback.class) {
            bad.add(NewFeedback.onMessage(seeded.user(), seeded.conversation(), UUID.randomUUID(), 3));
            bad.add(new Built(
                    "a rating of 99", () -> NewFeedback.onConversation(seeded.user(), seeded.conversation(), 99)));
        } else if (raw == NewCredential.class) {
            bad.add(new NewCredential("sweep-weak", "weak@example.com", Secret.of("short")));
            bad.add(new Built("an email without @", () -> new NewCredential("sweep-x", "no-at-sign", password)));
        } else if (raw == ImportedCredential.class) {
            bad.add(new ImportedCredential("sweep-imported", "imp@example.com", Secret.of("not a password hash")));
        } else if (raw == LlmRequestMetric.class) {
            bad.add(LlmRequestMetric.success(Ids.newId(), longAgo, "m", 1, 1, 1));
            bad.add(new Built("a negative latency", () -> LlmRequestMetric.success(Ids.newId(), now, "m", 1, 1, -5)));
        } else if (raw == SystemSample.class) {
            bad.add(SystemSample.of(now.plus(Duration.ofDays(3)), "h", 1, 1));
            bad.add(new Built("a CPU of 400%", () -> SystemSample.of(now, "h", 400, 1)));
        } else if (raw == NewMemoryBlock.class) {
            bad.add(NewMemoryBlock.of(BlockOwner.agent(UUID.randomUUID()), "sweep-unknown-agent", "v"));
            bad.add(new Built(
                    "a value over its limit",
                    () -> NewMemoryBlock.of(BlockOwner.shared(), "sweep-big", "xx")
                            .withCharLimit(1)));
        } else if (raw == SeriesPoint.class) {
            bad.add(SeriesPoint.of("sweep.series", longAgo, 1));
            bad.add(new Built("a NaN value", () -> SeriesPoint.of("sweep.series", now, Double.NaN)));
        } else if (raw == ApiCall.class) {
            bad.add(ApiCall.forUser(Ids.newId(), longAgo, seeded.user(), "/v1/chat", 200, 3));
        } else if (raw == Chunk.class) {
            bad.add(Chunk.of("c-wrong-dimension", "t", new float[] {1, 0}));
        } else if (raw == MemoryWindow.class) {
            bad.add(MemoryWindow.from(1_000_000));
            bad.add(MemoryWindow.from(4).pinning(3)); // the seeded two messages and one appended: 3 is not there yet
            bad.add(new Built("a window pinning its own start", () -> new MemoryWindow(2, 2)));
        }
        return bad;
    }

    /** Bad elements of a list of {@code element}: a record carrying bad content. */
    private List<Object> badElements(Type element) {
        if (element == NewMessage.class) {
            return List.of(
                    new Built("a message with NUL in its content", () -> List.of(NewMessage.user("a\u0000b", 1))),
                    new Built(
                            "a message of " + (Limits.MAX_TEXT_CHARS + 1) + " characters",
                            () -> List.of(NewMessage.user("x".repeat(Limits.MAX_TEXT_CHARS + 1), 1))),
                    new Built("a message with -1 tokens", () -> List.of(NewMessage.user("hi", -1))));
        }
        if (element == Chunk.class) {
            return List.of(List.of(
                    Chunk.of("c-ok-" + counter.incrementAndGet(), "t", new float[] {0, 1, 0}),
                    Chunk.of("c-wrong-dimension", "t", new float[] {1, 0})));
        }
        if (element == LlmRequestMetric.class) {
            return List.of(List.of(
                    LlmRequestMetric.success(Ids.newId(), clock.instant(), "m", 1, 1, 1),
                    LlmRequestMetric.success(Ids.newId(), Instant.parse("1970-01-15T00:00:00Z"), "m", 1, 1, 1)));
        }
        return List.of();
    }

    /**
     * A valid value for parameter {@code parameter} of a method of {@code repository}: the seeded thing its name
     * stands for, else a fresh or ordinary value of its type.
     */
    Object valid(Type type, String parameter, Class<?> repository) {
        Class<?> raw = raw(type);
        if (raw == UUID.class) {
            return switch (parameter) {
                case "userId" -> seeded.user();
                case "credentialId" -> seeded.credential();
                case "keyId" -> seeded.apiKey();
                case "ownerId" -> repository == SecurityRepository.class ? seeded.credential() : seeded.user();
                case "runId" -> seeded.run();
                case "agentId" -> seeded.agent();
                case "sessionId" -> seeded.session();
                case "modelId" -> seeded.model();
                case "feedbackId" -> seeded.feedback();
                case "messageId" -> seeded.message();
                case "entryId" -> repository == AuditLog.class ? seeded.auditEntry() : seeded.errorEntry();
                default -> seeded.conversation();
            };
        }
        if (raw == String.class) {
            return switch (parameter) {
                case "collection" -> "sweep";
                case "documentId" -> "sweep-document";
                case "username" -> "sweep-cred";
                case "email" -> "sweep@example.com";
                case "flag" -> "sweep-flag";
                case "sessionId" -> "sweep-session";
                case "scope" -> "sweep-room";
                case "member" -> "ann";
                case "externalId" -> "sweep-user";
                case "channel" -> repository == AgentRepository.class ? "sweep-channel" : "web";
                case "model" -> "sweep-model";
                case "code" -> "123456";
                case "severity" -> "info";
                case "query" -> "hello";
                case "name" ->
                    repository == AgentRepository.class
                            ? "sweep-agent"
                            : repository == ModelRepository.class
                                    ? "sweep-model"
                                    : "sweep-" + counter.incrementAndGet();
                default -> "sweep-" + counter.incrementAndGet();
            };
        }
        return valid(type);
    }

    /** A valid value of a type, whatever the parameter. */
    private Object valid(Type type) {
        return values.valid(type);
    }

    private static Class<?> raw(Type type) {
        return SweepValues.raw(type);
    }

    private static Map<String, Object> deepMap() {
        Map<String, Object> root = new HashMap<>();
        Map<String, Object> cursor = root;
        for (int i = 0; i <= Limits.MAX_METADATA_DEPTH + 1; i++) {
            Map<String, Object> next = new HashMap<>();
            cursor.put("k", next);
            cursor = next;
        }
        return root;
    }

    /** {@code not} nested 10,000 deep: a walk by recursion overflows the stack. */
    private static Filter deepFilter() {
        Filter filter = Filter.eq("k", "v");
        for (int i = 0; i < 10_000; i++) {
            filter = Filter.not(filter);
        }
        return filter;
    }

    /** An {@code or} of ten {@code and}s of 600 comparisons each: 6,011 terms, each node within its own bound. */
    private static Filter wideFilter() {
        List<Filter> branches = new ArrayList<>();
        for (int branch = 0; branch < 10; branch++) {
            List<Filter> terms = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                terms.add(Filter.eq("k" + i, branch));
            }
            branches.add(Filter.and(terms.toArray(Filter[]::new)));
        }
        return Filter.or(branches.toArray(Filter[]::new));
    }
}
