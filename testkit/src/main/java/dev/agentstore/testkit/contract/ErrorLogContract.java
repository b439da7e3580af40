package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.errorlog.ErrorEntry;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.errorlog.ErrorQuery;
import dev.agentstore.errorlog.NewError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The error log: entries at the store's time, newest first, filters, counts per day and type, retention. */
public abstract class ErrorLogContract extends StoreContract {

    private ErrorLogRepository log() {
        return store.errorLog();
    }

    private ErrorQuery today() {
        Instant now = clock.instant();
        return ErrorQuery.between(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
    }

    @Test
    void should_log_with_every_field_and_find_it() {
        UUID agent = UUID.randomUUID();
        ErrorEntry entry = log().log(NewError.from("chat-api", new IllegalStateException("model timed out"))
                .withDetails(Map.of("model", "gpt-4o", "attempt", 2))
                .underAgent(agent));

        assertThat(entry.occurredAt()).isEqualTo(clock.instant());
        assertThat(entry.errorType()).isEqualTo("IllegalStateException");
        assertThat(entry.message()).isEqualTo("model timed out");
        assertThat(entry.stackTrace()).contains("IllegalStateException").contains("at ");
        assertThat(entry.details()).containsEntry("model", "gpt-4o").containsEntry("attempt", 2L);
        assertThat(log().find(entry.id())).contains(entry);
        assertThat(log().find(UUID.randomUUID())).isEmpty();
        assertThat(otherTenant().errorLog().find(entry.id())).isEmpty();
    }

    @Test
    void should_list_newest_first_in_pages_with_filters() {
        UUID agent = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            log().log(NewError.of(i % 2 == 0 ? "chat-api" : "indexer", "Timeout", "slow " + i));
            clock.advance(Duration.ofSeconds(1));
        }
        ErrorEntry underAgent =
                log().log(NewError.of("chat-api", "RateLimited", "429").underAgent(agent));

        Page<ErrorEntry> first = log().list(today(), PageRequest.first(4));
        Page<ErrorEntry> second =
                log().list(today(), first.nextRequest(PageRequest.first(4)).orElseThrow());
        assertThat(first.items()).first().isEqualTo(underAgent);
        assertThat(first.items()).extracting(ErrorEntry::message).containsExactly("429", "slow 4", "slow 3", "slow 2");
        assertThat(second.items()).extracting(ErrorEntry::message).containsExactly("slow 1", "slow 0");
        assertThat(log().list(today().ofService("indexer"), PageRequest.first(10))
                        .items())
                .extracting(ErrorEntry::message)
                .containsExactly("slow 3", "slow 1");
        assertThat(log().list(today().ofType("RateLimited").underAgent(agent), PageRequest.first(10))
                        .items())
                .containsExactly(underAgent);
    }

    @Test
    void should_count_per_day_and_type() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        log().log(NewError.of("a", "Timeout", "x"));
        log().log(NewError.of("a", "Timeout", "y"));
        log().log(NewError.of("a", "Refused", "z"));
        clock.advance(Duration.ofDays(1));
        log().log(NewError.of("a", "Timeout", "later"));
        ErrorQuery span = ErrorQuery.between(
                day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                day.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());

        SortedMap<LocalDate, SortedMap<String, Long>> counts = log().countsByDay(span);
        assertThat(counts).containsOnlyKeys(day, day.plusDays(1));
        assertThat(counts.get(day)).containsExactly(Map.entry("Refused", 1L), Map.entry("Timeout", 2L));
        assertThat(counts.get(day.plusDays(1))).containsExactly(Map.entry("Timeout", 1L));
        assertThat(log().countsByDay(span.ofType("Refused"))).containsOnlyKeys(day);
    }

    @Test
    void should_drop_whole_months_through_retention() {
        clock.set(Instant.parse("2025-01-20T10:00:00Z"));
        log().log(NewError.of("a", "Old", "january"));
        clock.set(Instant.parse("2025-02-03T10:00:00Z"));
        ErrorEntry kept = log().log(NewError.of("a", "New", "february"));

        assertThat(root().errorLogRetention().dropMonthsBefore(Instant.parse("2025-02-10T00:00:00Z")))
                .contains(YearMonth.of(2025, 1))
                .doesNotContain(YearMonth.of(2025, 2));
        ErrorQuery both =
                ErrorQuery.between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(log().list(both, PageRequest.first(10)).items()).containsExactly(kept);
        assertThatThrownBy(() -> store.errorLogRetention()).isInstanceOf(IllegalStateException.class);
    }
}
