package dev.agentstore.examples;

import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A stand-in for a Spring AI chat model, so the Spring AI example runs offline and prints the same thing every time:
 * it answers with the first sentence of the guide passage the system message carries, and says how many earlier
 * messages of the conversation it was shown (which the chat-memory advisor reads from agentstore).
 */
final class ScriptedSpringChatModel implements ChatModel {
    /** What precedes the passage in the system message. */
    static final String PASSAGE = "Answer from this passage of the travel guide: ";

    @Override
    public ChatResponse call(Prompt prompt) {
        List<Message> messages = prompt.getInstructions();
        String passage = messages.stream()
                .filter(m ->
                        m.getMessageType() == MessageType.SYSTEM && m.getText().startsWith(PASSAGE))
                .map(m -> m.getText().substring(PASSAGE.length()))
                .findFirst()
                .orElse("");
        long earlier = messages.stream()
                        .filter(m ->
                                m.getMessageType() == MessageType.USER || m.getMessageType() == MessageType.ASSISTANT)
                        .count()
                - 1;
        int end = passage.indexOf(". ");
        String answer = passage.isEmpty()
                ? "The guide says nothing about that."
                : end < 0 ? passage : passage.substring(0, end + 1);
        return new ChatResponse(
                List.of(new Generation(new AssistantMessage(answer + " (" + earlier + " earlier messages seen)"))));
    }
}
