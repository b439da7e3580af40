package dev.agentstore.langchain4j.internal;

import dev.agentstore.conversation.MemoryPlan;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code updateMessages} changes, as agentstore messages: core's {@link MemoryPlan} over LangChain4j
 * messages, the first message of a rewrite marked with {@link #REWRITE}.
 *
 * @param append the messages to append, oldest first
 * @param window the window after the append
 */
public record MemoryUpdate(List<NewMessage> append, MemoryWindow window) {
    /** The metadata key marking the first message of a rewritten memory. */
    public static final String REWRITE = "langchain4j.rewrite";

    /** The update that turns the stored window into {@code wanted}; see {@link MemoryPlan#of}. */
    public static MemoryUpdate of(
            long next, List<Message> stored, List<ChatMessage> storedAsChat, List<ChatMessage> wanted) {
        MemoryPlan<ChatMessage> plan =
                MemoryPlan.of(next, stored, storedAsChat, wanted, message -> message instanceof SystemMessage);
        List<NewMessage> appended = new ArrayList<>(plan.append().size());
        for (ChatMessage message : plan.append()) {
            NewMessage converted = ChatMessages.toNew(message);
            if (plan.rewrite() && appended.isEmpty()) {
                Map<String, Object> metadata = new HashMap<>(converted.metadata());
                metadata.put(REWRITE, true);
                converted = converted.withMetadata(metadata);
            }
            appended.add(converted);
        }
        return new MemoryUpdate(appended, plan.window());
    }
}
