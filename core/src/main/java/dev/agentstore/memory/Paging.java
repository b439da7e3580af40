package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.internal.Cursors;
import java.util.List;
import java.util.function.Function;

/** Builds a page from up to limit + 1 items: the extra item only tells that another page follows. */
final class Paging {
    private Paging() {}

    static <T> Page<T> page(List<T> upToLimitPlusOne, int limit, Function<T, String> position) {
        if (upToLimitPlusOne.size() <= limit) {
            return new Page<>(upToLimitPlusOne, null);
        }
        List<T> items = upToLimitPlusOne.subList(0, limit);
        return new Page<>(items, Cursors.encode(position.apply(items.get(limit - 1))));
    }
}
