package dev.agentstore.springai.internal;

import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.ToolCall;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.ai.chat.messages.AbstractMessage;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.content.Media;
import org.springframework.util.MimeType;

/**
 * Spring AI chat messages as agentstore messages and back. Every message is stored in agentstore's columns (role,
 * text, tool calls with ids and arguments, the call a tool response answers), so the history can be read, searched and
 * windowed like any other; what those columns cannot hold exactly (metadata of its own, media, several tool responses
 * in one message, a tool call without an id) is also kept, as a description of the whole message, under {@link
 * #MESSAGE} in the metadata, and that is what is read back. Whether the columns suffice is decided by rebuilding the
 * message from them and comparing with Spring AI's {@code equals}. Metadata values are kept as JSON values: strings,
 * numbers (integers come back as {@code Long}), booleans, maps and lists; anything else as its string.
 */
public final class SpringMessages {
    /** The metadata key of the description of a message the columns cannot hold. */
    public static final String MESSAGE = "spring-ai.message";

    /** The metadata key of a tool response's tool name. */
    public static final String TOOL_NAME = "spring-ai.toolName";

    private SpringMessages() {}

    /** {@code message} as an agentstore message to append. */
    public static NewMessage toNew(Message message) {
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
        metadata.put(MESSAGE, describe(message));
        return base.withMetadata(metadata);
    }

    /** The Spring AI message a stored message stands for. */
    public static Message fromStored(dev.agentstore.conversation.Message stored) {
        return stored.metadata().get(MESSAGE) instanceof Map<?, ?> description
                ? fromDescription(description)
                : rebuild(stored.role(), stored.content(), stored.toolCalls(), stored.toolCallId(), stored.metadata());
    }

    private static NewMessage inColumns(Message message) {
        String text = message.getText() == null ? "" : message.getText();
        return switch (message) {
            case SystemMessage s -> NewMessage.system(text, tokens(text));
            case UserMessage u -> u.getMedia().isEmpty() ? NewMessage.user(text, tokens(text)) : null;
            case AssistantMessage a -> withToolCalls(a, text);
            case ToolResponseMessage t -> oneResponse(t);
            default -> null;
        };
    }

    private static NewMessage withToolCalls(AssistantMessage a, String text) {
        Set<String> ids = new HashSet<>();
        for (AssistantMessage.ToolCall call : a.getToolCalls()) {
            if (call.id() == null
                    || call.id().isBlank()
                    || call.name() == null
                    || call.name().isBlank()
                    || call.arguments() == null
                    || !ids.add(call.id())) {
                return null;
            }
        }
        return NewMessage.assistant(text, tokens(text))
                .withToolCalls(a.getToolCalls().stream()
                        .map(c -> new ToolCall(c.id(), c.name(), c.arguments()))
                        .toList());
    }

    private static NewMessage oneResponse(ToolResponseMessage t) {
        if (t.getResponses().size() != 1) {
            return null;
        }
        ToolResponseMessage.ToolResponse response = t.getResponses().getFirst();
        if (response.id() == null || response.id().isBlank() || response.responseData() == null) {
            return null;
        }
        NewMessage tool = NewMessage.tool(response.id(), response.responseData(), tokens(response.responseData()));
        return response.name() == null ? tool : tool.withMetadata(Map.of(TOOL_NAME, response.name()));
    }

    /** The nearest columns for a message with no exact form; its description carries the rest. */
    private static NewMessage approximately(Message message) {
        String text = message.getText() == null ? "" : message.getText();
        return switch (message.getMessageType()) {
            case SYSTEM -> NewMessage.system(text, tokens(text));
            case ASSISTANT -> NewMessage.assistant(text, tokens(text));
            case TOOL -> {
                List<ToolResponseMessage.ToolResponse> responses = ((ToolResponseMessage) message).getResponses();
                String id = responses.isEmpty()
                                || responses.getFirst().id() == null
                                || responses.getFirst().id().isBlank()
                        ? "-"
                        : responses.getFirst().id();
                yield NewMessage.tool(id, text, tokens(text));
            }
            default -> NewMessage.user(text, tokens(text));
        };
    }

    private static Message rebuild(
            MessageRole role, String content, List<ToolCall> calls, String toolCallId, Map<String, Object> metadata) {
        return switch (role) {
            case SYSTEM -> new SystemMessage(content);
            case USER -> new UserMessage(content);
            case ASSISTANT ->
                calls.isEmpty()
                        ? new AssistantMessage(content)
                        : AssistantMessage.builder()
                                .content(content.isEmpty() ? null : content)
                                .toolCalls(calls.stream()
                                        .map(c -> new AssistantMessage.ToolCall(
                                                c.id(), "function", c.name(), c.arguments()))
                                        .toList())
                                .build();
            case TOOL ->
                ToolResponseMessage.builder()
                        .responses(List.of(new ToolResponseMessage.ToolResponse(
                                toolCallId, (String) metadata.get(TOOL_NAME), content)))
                        .build();
        };
    }

    /** The whole message as metadata: its type, text, own metadata, tool calls, responses and media. */
    private static Map<String, Object> describe(Message message) {
        Map<String, Object> description = new HashMap<>();
        description.put("type", message.getMessageType().name());
        if (message.getText() != null) {
            description.put("text", message.getText());
        }
        Map<String, Object> own = new HashMap<>(message.getMetadata());
        own.remove(AbstractMessage.MESSAGE_TYPE);
        description.put("metadata", JsonValues.of(own));
        if (message instanceof AssistantMessage a) {
            description.put(
                    "toolCalls",
                    a.getToolCalls().stream().map(SpringMessages::describe).toList());
            description.put(
                    "media", a.getMedia().stream().map(SpringMessages::describe).toList());
        } else if (message instanceof UserMessage u) {
            description.put(
                    "media", u.getMedia().stream().map(SpringMessages::describe).toList());
        } else if (message instanceof ToolResponseMessage t) {
            description.put(
                    "responses",
                    t.getResponses().stream().map(SpringMessages::describe).toList());
        }
        return description;
    }

    private static Map<String, Object> describe(AssistantMessage.ToolCall call) {
        return present(
                Map.of(), "id", call.id(), "type", call.type(), "name", call.name(), "arguments", call.arguments());
    }

    private static Map<String, Object> describe(ToolResponseMessage.ToolResponse response) {
        return present(Map.of(), "id", response.id(), "name", response.name(), "data", response.responseData());
    }

    private static Map<String, Object> describe(Media media) {
        Object data = media.getData();
        Map<String, Object> described = data instanceof byte[] bytes
                ? Map.of("bytes", Base64.getEncoder().encodeToString(bytes))
                : Map.of("url", String.valueOf(data));
        return present(
                described, "mimeType", media.getMimeType().toString(), "id", media.getId(), "name", media.getName());
    }

    /** {@code base} plus each key whose value (the argument after it) is not null. */
    private static Map<String, Object> present(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Message fromDescription(Map<?, ?> description) {
        String text = (String) description.get("text");
        Map<String, Object> metadata = new HashMap<>((Map<String, Object>) description.get("metadata"));
        List<Map<String, Object>> media = (List<Map<String, Object>>) description.get("media");
        return switch (MessageType.valueOf((String) description.get("type"))) {
            case SYSTEM -> SystemMessage.builder().text(text).metadata(metadata).build();
            case USER ->
                UserMessage.builder()
                        .text(text)
                        .media(media(media))
                        .metadata(metadata)
                        .build();
            case ASSISTANT ->
                AssistantMessage.builder()
                        .content(text)
                        .properties(metadata)
                        .toolCalls(((List<Map<String, Object>>) description.get("toolCalls"))
                                .stream()
                                        .map(c -> new AssistantMessage.ToolCall(
                                                (String) c.get("id"),
                                                (String) c.get("type"),
                                                (String) c.get("name"),
                                                (String) c.get("arguments")))
                                        .toList())
                        .media(media(media))
                        .build();
            case TOOL ->
                ToolResponseMessage.builder()
                        .responses(((List<Map<String, Object>>) description.get("responses"))
                                .stream()
                                        .map(r -> new ToolResponseMessage.ToolResponse(
                                                (String) r.get("id"), (String) r.get("name"), (String) r.get("data")))
                                        .toList())
                        .metadata(metadata)
                        .build();
        };
    }

    private static List<Media> media(List<Map<String, Object>> described) {
        List<Media> media = new ArrayList<>();
        for (Map<String, Object> m : described == null ? List.<Map<String, Object>>of() : described) {
            Media.Builder builder = Media.builder()
                    .mimeType(MimeType.valueOf((String) m.get("mimeType")))
                    .id((String) m.get("id"))
                    .name((String) m.get("name"));
            media.add(
                    m.containsKey("bytes")
                            ? builder.data(Base64.getDecoder().decode((String) m.get("bytes")))
                                    .build()
                            : builder.data(URI.create((String) m.get("url"))).build());
        }
        return media;
    }

    /** A rough token count (four characters a token) for agentstore's own context-window reads. */
    private static int tokens(String text) {
        return text == null || text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
    }
}
