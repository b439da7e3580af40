package dev.agentstore.conversation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A message to append. Start from {@link #system}, {@link #user}, {@link #assistant} or {@link #tool} and
 * add the optional parts with the {@code with...} methods.
 *
 * @param role who speaks
 * @param content the text, possibly empty (an assistant message may carry only tool calls)
 * @param toolCalls the tool calls of an assistant message; empty for other roles
 * @param toolCallId for a {@link MessageRole#TOOL} message, the call it answers; null otherwise
 * @param modelId the model that produced an assistant message, or null
 * @param requestId the application's request id (for tracing and idempotent retries), or null
 * @param runId the agent run that produced an assistant message (a run of the same conversation), or null
 * @param tokenCount how many tokens the content costs, 0 to {@link Limits#MAX_TOKENS}
 * @param metadata free-form data, empty if none
 */
public record NewMessage(
        MessageRole role,
        String content,
        List<ToolCall> toolCalls,
        String toolCallId,
        String modelId,
        String requestId,
        UUID runId,
        int tokenCount,
        Map<String, Object> metadata) {
    /** Checks every component and the rules that tie them together. */
    public NewMessage {
        Check.present("message.role", role);
        Check.text("message.content", content, Limits.MAX_TEXT_CHARS);
        toolCalls = List.copyOf(Check.batch("message.toolCalls", toolCalls == null ? List.of() : toolCalls, 128));
        Check.optionalName("message.toolCallId", toolCallId);
        Check.optionalName("message.modelId", modelId);
        Check.optionalName("message.requestId", requestId);
        Check.range("message.tokenCount", tokenCount, 0, Limits.MAX_TOKENS);
        metadata = Metadata.copyOf("message.metadata", metadata);
        if (!toolCalls.isEmpty() && role != MessageRole.ASSISTANT) {
            throw new InvalidInputException("message.toolCalls", "are allowed only on ASSISTANT messages, not " + role);
        }
        if (runId != null && role != MessageRole.ASSISTANT) {
            throw new InvalidInputException("message.runId", "is allowed only on ASSISTANT messages, not " + role);
        }
        if ((role == MessageRole.TOOL) != (toolCallId != null)) {
            throw new InvalidInputException("message.toolCallId", "is required on TOOL messages and only there");
        }
        Set<String> ids = new HashSet<>();
        for (ToolCall call : toolCalls) {
            if (!ids.add(call.id())) {
                throw new InvalidInputException("message.toolCalls", "has the call id " + call.id() + " twice");
            }
        }
    }

    /** A system message. */
    public static NewMessage system(String content, int tokenCount) {
        return of(MessageRole.SYSTEM, content, tokenCount);
    }

    /** A user message. */
    public static NewMessage user(String content, int tokenCount) {
        return of(MessageRole.USER, content, tokenCount);
    }

    /** An assistant message. */
    public static NewMessage assistant(String content, int tokenCount) {
        return of(MessageRole.ASSISTANT, content, tokenCount);
    }

    /** The result of the tool call {@code toolCallId}. */
    public static NewMessage tool(String toolCallId, String content, int tokenCount) {
        return new NewMessage(MessageRole.TOOL, content, List.of(), toolCallId, null, null, null, tokenCount, Map.of());
    }

    private static NewMessage of(MessageRole role, String content, int tokenCount) {
        return new NewMessage(role, content, List.of(), null, null, null, null, tokenCount, Map.of());
    }

    /** This message with tool calls (assistant messages only). */
    public NewMessage withToolCalls(List<ToolCall> calls) {
        return new NewMessage(role, content, calls, toolCallId, modelId, requestId, runId, tokenCount, metadata);
    }

    /** This message marked as produced by {@code model}. */
    public NewMessage withModel(String model) {
        return new NewMessage(role, content, toolCalls, toolCallId, model, requestId, runId, tokenCount, metadata);
    }

    /** This message tagged with the application's request id. */
    public NewMessage withRequestId(String id) {
        return new NewMessage(role, content, toolCalls, toolCallId, modelId, id, runId, tokenCount, metadata);
    }

    /** This message with metadata. */
    public NewMessage withMetadata(Map<String, ?> data) {
        return new NewMessage(
                role,
                content,
                toolCalls,
                toolCallId,
                modelId,
                requestId,
                runId,
                tokenCount,
                Metadata.copyOf("message.metadata", data));
    }

    /** This assistant message marked as produced by the agent run {@code run} (a run of the same conversation). */
    public NewMessage producedBy(UUID run) {
        return new NewMessage(
                role,
                content,
                toolCalls,
                toolCallId,
                modelId,
                requestId,
                Check.id("message.runId", run),
                tokenCount,
                metadata);
    }
}
