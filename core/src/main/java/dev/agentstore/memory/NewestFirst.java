package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Pages;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/** Keyset pages of items with time-ordered (UUIDv7) ids, newest first, as the PostgreSQL backend pages them. */
final class NewestFirst {
    private NewestFirst() {}

    static <T> Page<T> page(Collection<T> items, Predicate<T> matching, Function<T, UUID> id, PageRequest page) {
        UUID after = page.cursor() == null ? null : Cursors.decodeUuid(page.cursor());
        List<T> newest = items.stream()
                .filter(matching)
                .filter(item -> after == null || id.apply(item).compareTo(after) < 0)
                .sorted(Comparator.comparing(id).reversed())
                .limit(page.limit() + 1L)
                .toList();
        return Pages.of(newest, page.limit(), item -> id.apply(item).toString());
    }
}
