package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.spi.Pages;
import dev.agentstore.spi.TimeKey;
import dev.agentstore.usage.ApiCall;
import dev.agentstore.usage.ApiUsageQuery;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.usage.ApiUsageStats;
import dev.agentstore.usage.DailyApiUsage;
import dev.agentstore.usage.QuotaStatus;
import dev.agentstore.usage.UsageLimit;
import dev.agentstore.usage.UsageSubject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** API usage of one tenant in memory; calls are keyed by request id and time, as PostgreSQL's primary key. */
final class InMemoryApiUsageRepository implements ApiUsageRepository {
    /** Ids in the order PostgreSQL sorts uuid (by bytes, which is their text order), nulls last. */
    private static final Comparator<UUID> UUID_ORDER = Comparator.nullsLast(Comparator.comparing(UUID::toString));

    private static final Comparator<ApiCall> CALL_ORDER =
            Comparator.comparing(ApiCall::recordedAt).thenComparing(ApiCall::requestId, UUID_ORDER);

    private final Clock clock;
    private final InMemoryConversationRepository conversations;
    private final Map<TimeKey, ApiCall> calls = new LinkedHashMap<>();
    private final Map<UsageSubject, UsageLimit> limits = new LinkedHashMap<>();

    InMemoryApiUsageRepository(Clock clock, InMemoryConversationRepository conversations, RemovalListeners removals) {
        this.clock = clock;
        this.conversations = conversations;
        removals.add(this::forgetUser, chat -> {});
    }

    @Override
    public boolean record(ApiCall call) {
        return recordBatch(List.of(call)) == 1;
    }

    @Override
    public long recordBatch(List<ApiCall> batch) {
        batch.stream().map(ApiCall::userId).filter(Objects::nonNull).distinct().forEach(conversations::requireUser);
        synchronized (this) {
            long added = 0;
            for (ApiCall call : batch) {
                if (calls.putIfAbsent(key(call), call) == null) {
                    added++;
                }
            }
            return added;
        }
    }

    @Override
    public synchronized Page<ApiCall> calls(ApiUsageQuery query, PageRequest page) {
        TimeKey after = page.cursor() == null ? null : TimeKey.fromCursor(page.cursor());
        List<ApiCall> rows = calls.values().stream()
                .filter(query::matches)
                .filter(call -> after == null || key(call).compareTo(after) > 0)
                .sorted(CALL_ORDER)
                .limit(page.limit() + 1L)
                .toList();
        return Pages.of(rows, page.limit(), call -> key(call).position());
    }

    @Override
    public synchronized ApiUsageStats stats(ApiUsageQuery query) {
        return statsOf(calls.values().stream().filter(query::matches).toList());
    }

    @Override
    public synchronized List<DailyApiUsage> daily(ApiUsageQuery query) {
        record Group(LocalDate day, UUID apiKeyId, UUID userId) {}
        Map<Group, List<ApiCall>> groups = calls.values().stream()
                .filter(query::matches)
                .collect(Collectors.groupingBy(call -> new Group(
                        LocalDate.ofInstant(call.recordedAt(), ZoneOffset.UTC), call.apiKeyId(), call.userId())));
        return groups.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Group::day)
                        .thenComparing(Group::apiKeyId, UUID_ORDER)
                        .thenComparing(Group::userId, UUID_ORDER)))
                .map(e -> new DailyApiUsage(
                        e.getKey().day(), e.getKey().apiKeyId(), e.getKey().userId(), statsOf(e.getValue())))
                .toList();
    }

    @Override
    public void setLimit(UsageLimit limit) {
        if (limit.subject().kind() == UsageSubject.Kind.USER) {
            conversations.requireUser(limit.subject().id());
        }
        synchronized (this) {
            limits.put(limit.subject(), limit);
        }
    }

    @Override
    public synchronized Optional<UsageLimit> limit(UsageSubject subject) {
        return Optional.ofNullable(limits.get(subject));
    }

    @Override
    public synchronized boolean removeLimit(UsageSubject subject) {
        return limits.remove(subject) != null;
    }

    @Override
    public synchronized Optional<QuotaStatus> quota(UsageSubject subject) {
        UsageLimit limit = limits.get(subject);
        if (limit == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant start = limit.period().start(now);
        Instant end = limit.period().end(now);
        List<ApiCall> window = calls.values().stream()
                .filter(subject::covers)
                .filter(call ->
                        !call.recordedAt().isBefore(start) && call.recordedAt().isBefore(end))
                .toList();
        long tokens = window.stream().mapToLong(ApiCall::tokens).sum();
        return Optional.of(new QuotaStatus(limit, start, end, window.size(), tokens));
    }

    /** Drops the calls of every UTC month that ended at or before {@code cutoff}; returns those months. */
    synchronized SortedSet<YearMonth> dropMonthsBefore(Instant cutoff) {
        return new MonthlyDrop(cutoff).from(calls.values(), ApiCall::recordedAt).months();
    }

    private synchronized void forgetUser(UUID userId) {
        calls.values().removeIf(call -> userId.equals(call.userId()));
        limits.remove(UsageSubject.user(userId));
    }

    private static TimeKey key(ApiCall call) {
        return TimeKey.ofId(call.recordedAt(), call.requestId());
    }

    private static ApiUsageStats statsOf(List<ApiCall> rows) {
        if (rows.isEmpty()) {
            return new ApiUsageStats(0, 0, 0, 0, 0);
        }
        return new ApiUsageStats(
                rows.size(),
                rows.stream().mapToLong(ApiCall::tokens).sum(),
                rows.stream().filter(ApiCall::failed).count(),
                rows.stream().mapToLong(ApiCall::responseTimeMillis).average().orElse(0),
                rows.stream().mapToLong(ApiCall::responseTimeMillis).max().orElse(0));
    }
}
