package dev.agentstore.redis.internal;

import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.ToolCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Messages as JSON objects for the recent-context cache; every field survives the round trip exactly. */
final class MessageCodec {
    private MessageCodec() {}

    static String encode(Message m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id().toString());
        json.put("conversationId", m.conversationId().toString());
        json.put("sequence", m.sequence());
        json.put("role", m.role().name());
        json.put("content", m.content());
        List<Map<String, String>> calls = new ArrayList<>();
        for (ToolCall call : m.toolCalls()) {
            calls.add(Map.of("id", call.id(), "name", call.name(), "arguments", call.arguments()));
        }
        json.put("toolCalls", calls);
        json.put("toolCallId", m.toolCallId());
        json.put("modelId", m.modelId());
        json.put("requestId", m.requestId());
        json.put("runId", m.runId() == null ? null : m.runId().toString());
        json.put("tokenCount", m.tokenCount());
        json.put("metadata", m.metadata());
        json.put("createdAt", m.createdAt().toString());
        json.put("revision", m.revision());
        json.put("editedAt", m.editedAt() == null ? null : m.editedAt().toString());
        return Json.write(json);
    }

    @SuppressWarnings("unchecked")
    static Message decode(String text) {
        Map<String, Object> json = Json.map(text);
        List<ToolCall> calls = new ArrayList<>();
        for (Map<String, Object> call : (List<Map<String, Object>>) json.get("toolCalls")) {
            calls.add(new ToolCall((String) call.get("id"), (String) call.get("name"), (String) call.get("arguments")));
        }
        return new Message(
                UUID.fromString((String) json.get("id")),
                UUID.fromString((String) json.get("conversationId")),
                (Long) json.get("sequence"),
                MessageRole.valueOf((String) json.get("role")),
                (String) json.get("content"),
                calls,
                (String) json.get("toolCallId"),
                (String) json.get("modelId"),
                (String) json.get("requestId"),
                json.get("runId") == null ? null : UUID.fromString((String) json.get("runId")),
                ((Long) json.get("tokenCount")).intValue(),
                (Map<String, Object>) json.get("metadata"),
                Instant.parse((String) json.get("createdAt")),
                json.get("revision") == null
                        ? 0
                        : ((Long) json.get("revision")).intValue(), // absent: cached before edits
                json.get("editedAt") == null ? null : Instant.parse((String) json.get("editedAt")));
    }
}
