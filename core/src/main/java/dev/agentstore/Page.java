package dev.agentstore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset-paged listing.
 *
 * @param items the items, never null, possibly empty
 * @param nextCursor the opaque cursor for the following page, or null when this is the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor) {
    /** Copies {@code items} so the page is immutable. */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** The cursor for the next page, empty on the last page. */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextCursor != null;
    }

    /** The request for the page after this one, with the same limit as {@code current}. */
    public Optional<PageRequest> nextRequest(PageRequest current) {
        return next().map(cursor -> new PageRequest(current.limit(), cursor));
    }
}
