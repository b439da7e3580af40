package dev.agentstore;

/**
 * Asks for one page of a keyset-paged listing. Paging never uses OFFSET, so deep pages cost the same as
 * the first.
 *
 * @param limit how many items at most, 1 to {@link Limits#MAX_PAGE_SIZE}
 * @param cursor null for the first page, otherwise a {@link Page#nextCursor()} from the same listing
 */
public record PageRequest(int limit, String cursor) {
    /** Checks the limit and the cursor's shape. */
    public PageRequest {
        if (limit < 1 || limit > Limits.MAX_PAGE_SIZE) {
            throw new InvalidInputException(
                    "page.limit", "must be between 1 and " + Limits.MAX_PAGE_SIZE + ", but was " + limit);
        }
        if (cursor != null && (cursor.isBlank() || cursor.length() > Limits.MAX_NAME_CHARS)) {
            throw new InvalidInputException("page.cursor", "must be a cursor returned by a previous page");
        }
    }

    /** The first page of at most {@code limit} items. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** The page that continues after {@code cursor}. */
    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(limit, cursor);
    }
}
