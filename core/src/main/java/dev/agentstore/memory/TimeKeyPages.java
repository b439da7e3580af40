package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.spi.TimeKey;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** Keyset pages of time-ordered rows in memory, with the cursors PostgreSQL's (time, tie-breaker) keys give. */
final class TimeKeyPages {
    private TimeKeyPages() {}

    /** A keyset page of rows ordered by time then tie-breaker, starting after the cursor's position. */
    static <T> Page<T> slice(Stream<T> rows, Function<T, TimeKey> key, PageRequest page) {
        TimeKey after = page.cursor() == null ? null : TimeKey.fromCursor(page.cursor());
        List<T> window = rows.filter(row -> after == null || key.apply(row).compareTo(after) > 0)
                .sorted(Comparator.comparing(key))
                .limit(page.limit() + 1L)
                .toList();
        if (window.size() <= page.limit()) {
            return new Page<>(window, null);
        }
        List<T> items = window.subList(0, page.limit());
        return new Page<>(items, key.apply(items.get(page.limit() - 1)).cursor());
    }
}
