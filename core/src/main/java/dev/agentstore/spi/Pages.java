package dev.agentstore.spi;

import dev.agentstore.Page;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pages from up to limit + 1 rows: the extra row only tells that another page follows. Every backend
 * builds its pages here, so cursors have one format.
 */
public final class Pages {
    private Pages() {}

    /** The page of the first {@code limit} items, with a cursor at the last one when more follow. */
    public static <T> Page<T> of(List<T> upToLimitPlusOne, int limit, Function<T, String> position) {
        if (upToLimitPlusOne.size() <= limit) {
            return new Page<>(upToLimitPlusOne, null);
        }
        List<T> items = upToLimitPlusOne.subList(0, limit);
        return new Page<>(items, Cursors.encode(position.apply(items.get(limit - 1))));
    }
}
