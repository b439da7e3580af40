package dev.agentstore.spi;

import dev.agentstore.InvalidInputException;
import dev.agentstore.PageRequest;
import java.util.UUID;

/** The keyset position of an agent in name order (name, then id), as every backend encodes it in cursors. */
public final class AgentPositions {
    private AgentPositions() {}

    /** A decoded position. */
    public record Position(String name, UUID id) {
        /** Whether an agent named {@code otherName} with {@code otherId} comes after this position. */
        public boolean isBefore(String otherName, UUID otherId) {
            int byName = name.compareTo(otherName);
            return byName < 0 || (byName == 0 && id.compareTo(otherId) < 0);
        }
    }

    /** The position text of an agent. */
    public static String of(String name, UUID id) {
        return id + ":" + name;
    }

    /** The position a page request starts after, or null for the first page. */
    public static Position after(PageRequest page) {
        if (page.cursor() == null) {
            return null;
        }
        String position = Cursors.decode(page.cursor());
        int colon = position.indexOf(':');
        try {
            return new Position(position.substring(colon + 1), UUID.fromString(position.substring(0, colon)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidInputException("page.cursor", "is not a cursor of an agent listing");
        }
    }
}
