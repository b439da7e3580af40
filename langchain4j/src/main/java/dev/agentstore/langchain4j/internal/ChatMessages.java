package dev.agentstore.langchain4j.internal;

import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.ToolCall;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LangChain4j chat messages as agentstore messages and back, losslessly. Every message is stored in agentstore's own
 * columns (role, text, tool calls with their ids and arguments, the tool call a result answers), so the history can be
 * read, searched and windowed like any other; a message that those columns cannot hold exactly (a user message with
 * an image, a name or attributes; an AI message with thinking; a tool call without an id) also carries LangChain4j's
 * own JSON of it in its metadata, and that is what is read back. Whether the columns suffice is decided by rebuilding
 * the message from them and comparing, so the rule can never drift from LangChain4j's {@code equals}.
 */
public final class ChatMessages {
    /** The metadata key of LangChain4j's JSON of a message the columns cannot hold. */
    public static final String JSON = "langchain4j.message";

    /** The metadata key of a tool result's tool name. */
    public static final String TOOL_NAME = "langchain4j.toolName";

    private ChatMessages() {}

    /** {@code message} as an agentstore message to append. */
    public static NewMessage toNew(ChatMessage message) {
        NewMessage columns = inColumns(message);
        if (columns != null
                && message.equals(rebuild(
                        columns.role(),
                        columns.content(),
                        columns.toolCalls(),
                        columns.toolCallId(),
                        columns.metadata()))) {
            return columns;
        }
        NewMessage base = columns != null ? columns : approximately(message);
        Map<String, Object> metadata = new HashMap<>(base.metadata());
        metadata.put(JSON, ChatMessageSerializer.messageToJson(message));
        return base.withMetadata(metadata);
    }

    /** The LangChain4j message a stored message stands for. */
    public static ChatMessage fromStored(Message stored) {
        Object json = stored.metadata().get(JSON);
        return json instanceof String text
                ? ChatMessageDeserializer.messageFromJson(text)
                : rebuild(stored.role(), stored.content(), stored.toolCalls(), stored.toolCallId(), stored.metadata());
    }

    /** The message in agentstore's columns, or null when it has no such form at all. */
    private static NewMessage inColumns(ChatMessage message) {
        return switch (message) {
            case SystemMessage s -> NewMessage.system(s.text(), tokens(s.text()));
            case UserMessage u -> u.hasSingleText() ? NewMessage.user(u.singleText(), tokens(u.singleText())) : null;
            case AiMessage a -> withToolCalls(a);
            case ToolExecutionResultMessage t -> t.id() == null || t.text() == null ? null : toolResult(t);
            default -> null;
        };
    }

    private static NewMessage withToolCalls(AiMessage a) {
        String text = a.text() == null ? "" : a.text();
        List<ToolExecutionRequest> requests = a.toolExecutionRequests();
        Set<String> ids = new HashSet<>();
        for (ToolExecutionRequest request : requests) {
            if (request.id() == null
                    || request.id().isBlank()
                    || request.name() == null
                    || request.name().isBlank()
                    || request.arguments() == null
                    || !ids.add(request.id())) {
                return null;
            }
        }
        return NewMessage.assistant(text, tokens(text))
                .withToolCalls(requests.stream()
                        .map(r -> new ToolCall(r.id(), r.name(), r.arguments()))
                        .toList());
    }

    private static NewMessage toolResult(ToolExecutionResultMessage t) {
        NewMessage result = NewMessage.tool(t.id(), t.text(), tokens(t.text()));
        return t.toolName() == null ? result : result.withMetadata(Map.of(TOOL_NAME, t.toolName()));
    }

    /** The nearest columns for a message that has no exact form; its JSON carries the rest. */
    private static NewMessage approximately(ChatMessage message) {
        return switch (message) {
            case UserMessage u -> NewMessage.user(u.hasSingleText() ? u.singleText() : "", 1);
            case AiMessage a -> NewMessage.assistant(a.text() == null ? "" : a.text(), tokens(a.text()));
            case ToolExecutionResultMessage t ->
                NewMessage.tool(t.id() == null || t.id().isBlank() ? "-" : t.id(), t.text() == null ? "" : t.text(), 1);
            default -> NewMessage.user("", 0);
        };
    }

    private static ChatMessage rebuild(
            MessageRole role, String content, List<ToolCall> calls, String toolCallId, Map<String, Object> metadata) {
        return switch (role) {
            case SYSTEM -> SystemMessage.from(content);
            case USER -> UserMessage.from(content);
            case ASSISTANT ->
                calls.isEmpty()
                        ? AiMessage.from(content)
                        : content.isEmpty()
                                ? AiMessage.from(requests(calls))
                                : AiMessage.from(content, requests(calls));
            case TOOL -> ToolExecutionResultMessage.from(toolCallId, (String) metadata.get(TOOL_NAME), content);
        };
    }

    private static List<ToolExecutionRequest> requests(List<ToolCall> calls) {
        return calls.stream()
                .map(c -> ToolExecutionRequest.builder()
                        .id(c.id())
                        .name(c.name())
                        .arguments(c.arguments())
                        .build())
                .toList();
    }

    /** A rough token count (four characters a token) for the context-window rules of agentstore's own reads. */
    private static int tokens(String text) {
        return text == null || text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
    }
}
