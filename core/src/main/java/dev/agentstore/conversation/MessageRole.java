package dev.agentstore.conversation;

/** Who a message comes from. */
public enum MessageRole {
    /** Instructions that frame the conversation; the first one is always kept in a context window. */
    SYSTEM,
    /** The human (or calling application). */
    USER,
    /** The model; may carry tool calls. */
    ASSISTANT,
    /** The result of one tool call, linked to it by {@link NewMessage#toolCallId()}. */
    TOOL
}
