package dev.agentstore.run;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A run as stored.
 *
 * @param id its id (UUIDv7, so ids order runs by creation)
 * @param userId the user it runs for
 * @param conversationId the conversation it runs in, or null
 * @param agentType what kind of agent runs
 * @param status where it is
 * @param input its input
 * @param output its output once completed, else empty
 * @param errorMessage why it failed, or null
 * @param usage the tokens it used
 * @param metadata free-form data
 * @param createdAt when it was created
 * @param startedAt when it started processing, or null
 * @param completedAt when it ended, or null
 */
public record AgentRun(
        UUID id,
        UUID userId,
        UUID conversationId,
        String agentType,
        RunStatus status,
        Map<String, Object> input,
        Map<String, Object> output,
        String errorMessage,
        RunUsage usage,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt) {
    /** Copies the maps. */
    public AgentRun {
        input = Map.copyOf(input);
        output = Map.copyOf(output);
        metadata = Map.copyOf(metadata);
    }
}
