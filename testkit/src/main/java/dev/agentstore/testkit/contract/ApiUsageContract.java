package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.spi.Ids;
import dev.agentstore.usage.ApiCall;
import dev.agentstore.usage.ApiUsageQuery;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.usage.ApiUsageStats;
import dev.agentstore.usage.DailyApiUsage;
import dev.agentstore.usage.QuotaPeriod;
import dev.agentstore.usage.QuotaStatus;
import dev.agentstore.usage.UsageLimit;
import dev.agentstore.usage.UsageSubject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API usage: idempotent, atomic recording, paged queries, daily aggregates per key and user, quotas, retention. */
public abstract class ApiUsageContract extends StoreContract {
    private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");

    /** The store's clock stands just after the suite's dates, which recorded times must lie near. */
    @BeforeEach
    void standAfterTheSuitesDays() {
        clock.set(DAY.plus(Duration.ofDays(2)));
    }

    private static final ApiUsageQuery TWO_DAYS = ApiUsageQuery.between(DAY, DAY.plus(Duration.ofDays(2)));

    private ApiUsageRepository usage() {
        return store.apiUsage();
    }

    private UUID user(String name) {
        return store.conversations().upsertUser(NewUser.of("web", name)).id();
    }

    private static ApiCall keyCall(UUID key, int minute, int status, long millis) {
        return ApiCall.withKey(Ids.newId(), DAY.plusSeconds(60L * minute), key, "/v1/chat", status, millis);
    }

    @Test
    void should_record_once_per_request_and_time_and_page_oldest_first() {
        UUID key = UUID.randomUUID();
        ApiCall call = keyCall(key, 1, 200, 40).withTokens(120);
        assertThat(usage().record(call)).isTrue();
        assertThat(usage().record(call)).isFalse();
        List<ApiCall> more = new ArrayList<>();
        for (int minute = 2; minute <= 6; minute++) {
            more.add(keyCall(key, minute, 200, 10));
        }
        more.add(call); // a retried call inside a batch is skipped too
        assertThat(usage().recordBatch(more)).isEqualTo(5);

        Page<ApiCall> first = usage().calls(TWO_DAYS.forKey(key), PageRequest.first(4));
        Page<ApiCall> second = usage().calls(
                        TWO_DAYS.forKey(key),
                        first.nextRequest(PageRequest.first(4)).orElseThrow());
        assertThat(first.items()).first().isEqualTo(call);
        assertThat(first.items()).extracting(ApiCall::recordedAt).isSorted();
        assertThat(second.items()).hasSize(2);
        assertThat(second.hasNext()).isFalse();
        assertThat(usage().calls(TWO_DAYS.forKey(UUID.randomUUID()), PageRequest.first(4))
                        .items())
                .isEmpty();
    }

    @Test
    void should_aggregate_over_a_query_and_per_day_key_and_user() {
        UUID ann = user("ann");
        UUID keyA = UUID.fromString("00000000-0000-7000-8000-00000000000a");
        UUID keyB = UUID.fromString("00000000-0000-7000-8000-00000000000b");
        usage().recordBatch(List.of(
                keyCall(keyA, 1, 200, 100).withTokens(10),
                keyCall(keyA, 2, 500, 300).withTokens(20),
                keyCall(keyB, 3, 200, 50).withUser(ann),
                keyCall(keyA, 24 * 60 + 5, 429, 10),
                ApiCall.forUser(Ids.newId(), DAY.plusSeconds(7), ann, "/v1/embed", 201, 20)
                        .withMethod("PUT")
                        .withTokens(5)));

        ApiUsageStats all = usage().stats(TWO_DAYS);
        assertThat(all).isEqualTo(new ApiUsageStats(5, 35, 2, (100 + 300 + 50 + 10 + 20) / 5.0, 300));
        assertThat(usage().stats(TWO_DAYS.forEndpoint("/v1/embed")).requests()).isEqualTo(1);
        assertThat(usage().stats(TWO_DAYS.forUser(ann)).requests()).isEqualTo(2);
        assertThat(usage().stats(ApiUsageQuery.between(DAY.minusSeconds(60), DAY)))
                .isEqualTo(new ApiUsageStats(0, 0, 0, 0, 0));

        List<DailyApiUsage> daily = usage().daily(TWO_DAYS);
        LocalDate first = LocalDate.of(2026, 3, 10);
        assertThat(daily)
                .extracting(DailyApiUsage::day, DailyApiUsage::apiKeyId, DailyApiUsage::userId)
                .containsExactly(
                        tuple(first, keyA, null),
                        tuple(first, keyB, ann),
                        tuple(first, null, ann),
                        tuple(first.plusDays(1), keyA, null));
        assertThat(daily.get(0).stats()).isEqualTo(new ApiUsageStats(2, 30, 1, 200.0, 300));
    }

    @Test
    void should_count_the_current_window_against_a_limit() {
        UUID key = UUID.randomUUID();
        UsageSubject subject = UsageSubject.apiKey(key);
        assertThat(usage().quota(subject)).isEmpty();
        usage().setLimit(UsageLimit.requests(subject, QuotaPeriod.DAY, 3));
        assertThat(usage().limit(subject)).contains(UsageLimit.requests(subject, QuotaPeriod.DAY, 3));

        Instant now = clock.instant();
        usage().record(ApiCall.withKey(Ids.newId(), now.minus(Duration.ofDays(2)), key, "/x", 200, 1));
        usage().record(ApiCall.withKey(Ids.newId(), QuotaPeriod.DAY.start(now), key, "/x", 200, 1));
        QuotaStatus status = usage().quota(subject).orElseThrow();
        assertThat(status.requests()).isEqualTo(1);
        assertThat(status.remainingRequests()).isEqualTo(2);
        assertThat(status.exhausted()).isFalse();
        assertThat(status.windowStart()).isEqualTo(QuotaPeriod.DAY.start(now));
        assertThat(status.resetsAt()).isEqualTo(QuotaPeriod.DAY.end(now));

        usage().recordBatch(List.of(
                ApiCall.withKey(Ids.newId(), QuotaPeriod.DAY.start(now), key, "/x", 200, 1),
                ApiCall.withKey(Ids.newId(), QuotaPeriod.DAY.start(now), key, "/x", 500, 1)));
        assertThat(usage().quota(subject).orElseThrow().exhausted()).isTrue();

        usage().setLimit(new UsageLimit(subject, QuotaPeriod.MONTH, null, 1_000L));
        QuotaStatus tokens = usage().quota(subject).orElseThrow();
        assertThat(tokens.remainingRequests()).isEqualTo(Long.MAX_VALUE);
        assertThat(tokens.exhausted()).isFalse();
        assertThat(tokens.windowStart()).isEqualTo(QuotaPeriod.MONTH.start(now));

        assertThat(usage().removeLimit(subject)).isTrue();
        assertThat(usage().removeLimit(subject)).isFalse();
        assertThat(usage().quota(subject)).isEmpty();
    }

    @Test
    void should_refuse_a_batch_naming_an_unknown_user_whole_and_erase_a_users_usage_with_them() {
        UUID ann = user("ann");
        UUID ghost = UUID.randomUUID();
        ApiCall good = ApiCall.forUser(Ids.newId(), DAY, ann, "/x", 200, 1);
        assertThatThrownBy(() ->
                        usage().recordBatch(List.of(good, ApiCall.forUser(Ids.newId(), DAY, ghost, "/x", 200, 1))))
                .isInstanceOf(NotFoundException.class);
        assertThat(usage().stats(TWO_DAYS).requests()).isZero();
        assertThatThrownBy(() -> usage().setLimit(UsageLimit.requests(UsageSubject.user(ghost), QuotaPeriod.DAY, 1)))
                .isInstanceOf(NotFoundException.class);

        usage().record(good);
        usage().setLimit(UsageLimit.tokens(UsageSubject.user(ann), QuotaPeriod.DAY, 10));
        assertThat(otherTenant().apiUsage().stats(TWO_DAYS).requests()).isZero();
        store.conversations().eraseUser(ann);
        assertThat(usage().stats(TWO_DAYS).requests()).isZero();
        assertThat(usage().limit(UsageSubject.user(ann))).isEmpty();
    }

    @Test
    void should_drop_whole_months_through_retention() {
        UUID key = UUID.randomUUID();
        Instant january = Instant.parse("2025-01-20T10:00:00Z");
        Instant february = Instant.parse("2025-02-03T10:00:00Z");
        clock.set(february.plus(Duration.ofDays(1)));
        usage().recordBatch(List.of(
                ApiCall.withKey(Ids.newId(), january, key, "/x", 200, 1),
                ApiCall.withKey(Ids.newId(), february, key, "/x", 200, 1)));

        assertThat(root().apiUsageRetention().dropMonthsBefore(Instant.parse("2025-02-10T00:00:00Z")))
                .contains(YearMonth.of(2025, 1))
                .doesNotContain(YearMonth.of(2025, 2));
        ApiUsageQuery both = ApiUsageQuery.between(january.minusSeconds(1), february.plusSeconds(1));
        assertThat(usage().calls(both, PageRequest.first(10)).items())
                .extracting(ApiCall::recordedAt)
                .containsExactly(february);
        assertThatThrownBy(() -> store.apiUsageRetention()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_refuse_calls_recorded_far_from_now() {
        UUID key = UUID.randomUUID();
        Instant now = clock.instant();
        assertThatThrownBy(() -> usage().record(ApiCall.withKey(Ids.newId(), Instant.EPOCH, key, "/x", 200, 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("call.recordedAt");
        assertThatThrownBy(() -> usage().recordBatch(List.of(
                        ApiCall.withKey(Ids.newId(), now, key, "/x", 200, 1),
                        ApiCall.withKey(Ids.newId(), now.plus(Duration.ofDays(30)), key, "/x", 200, 1))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("calls[1].recordedAt");
        assertThat(usage().calls(
                                ApiUsageQuery.between(Instant.EPOCH, now.plus(Duration.ofDays(31)))
                                        .forKey(key),
                                PageRequest.first(10))
                        .items())
                .isEmpty();
    }
}
