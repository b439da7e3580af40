package dev.agentstore.state;

import java.time.Duration;
import java.util.List;

/**
 * Who is active where: each member of a scope (a room, a channel, an agent pool) stays present for a TTL
 * after each {@link #markActive}. Thread-safe.
 */
public interface Presence {

    /** Marks a member active in a scope for {@code ttl} (1 second to 1 day) from now. */
    void markActive(String scope, String member, Duration ttl);

    /**
     * Removes a member now.
     *
     * @return whether it was present
     */
    boolean leave(String scope, String member);

    /**
     * Removes a member from every scope of the tenant now: what erasing a user does for the member names it goes by.
     *
     * @return how many scopes it was present in
     */
    int leaveEverywhere(String member);

    /** Whether a member is present. */
    boolean isActive(String scope, String member);

    /** How many members are present. */
    long count(String scope);

    /** The present members, most recently active first, at most {@code limit} (1 to 1,000). */
    List<String> activeMembers(String scope, int limit);
}
