package dev.agentstore.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored message.
 *
 * @param id the message's id (time-ordered)
 * @param conversationId the conversation it belongs to
 * @param sequence its position in the conversation: 1 for the first message, then increasing with every append
 *     (consecutive along a branch's own appends; a fork's messages continue after the last sequence the conversation
 *     used, and tombstones leave gaps)
 * @param role who spoke
 * @param content the text
 * @param toolCalls tool calls of an assistant message, empty otherwise
 * @param toolCallId the call a TOOL message answers, or null
 * @param modelId the model that produced it, or null
 * @param requestId the application's request id, or null
 * @param runId the agent run that produced it (assistant messages), or null
 * @param tokenCount its token cost
 * @param metadata free-form data, unmodifiable
 * @param createdAt when it was appended (or, imported, when it was first written)
 * @param revision how many times its content was edited ({@link ConversationRepository#editMessage}): 0 for never
 * @param editedAt when its content was last edited, or null if it never was
 */
public record Message(
        UUID id,
        UUID conversationId,
        long sequence,
        MessageRole role,
        String content,
        List<ToolCall> toolCalls,
        String toolCallId,
        String modelId,
        String requestId,
        UUID runId,
        int tokenCount,
        Map<String, Object> metadata,
        Instant createdAt,
        int revision,
        Instant editedAt) {
    /** Copies the tool calls. */
    public Message {
        toolCalls = List.copyOf(toolCalls);
    }
}
