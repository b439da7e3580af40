package dev.agentstore.conversation;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;

/**
 * One tool invocation requested by an assistant message. A later {@link MessageRole#TOOL} message answers it
 * by carrying the same {@link #id()} as its tool-call id.
 *
 * @param id the call id the model assigned, unique within the message
 * @param name the tool's name
 * @param arguments the arguments as the model produced them (usually JSON), possibly empty
 */
public record ToolCall(String id, String name, String arguments) {
    /** Checks every component. */
    public ToolCall {
        Check.name("toolCall.id", id);
        Check.name("toolCall.name", name);
        Check.text("toolCall.arguments", arguments, Limits.MAX_TEXT_CHARS);
    }
}
