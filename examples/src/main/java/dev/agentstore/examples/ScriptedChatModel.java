package dev.agentstore.examples;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for a LangChain4j chat model, so the assistant example runs offline and prints the same thing every
 * time: asked to book a train "from A to B", it calls the booking tool; given the tool's result, it confirms it;
 * otherwise it answers with the first sentence of the passage retrieval put into the question (LangChain4j's
 * default content injector adds it after "Answer using the following information:").
 */
final class ScriptedChatModel implements ChatModel {
    private static final String INJECTED = "Answer using the following information:";
    private static final Pattern BOOKING =
            Pattern.compile("book .*from (\\p{L}+) to (\\p{L}+)", Pattern.CASE_INSENSITIVE);

    @Override
    public ChatResponse doChat(ChatRequest request) {
        ChatMessage last = request.messages().getLast();
        return ChatResponse.builder().aiMessage(answer(last, request)).build();
    }

    private static AiMessage answer(ChatMessage last, ChatRequest request) {
        if (last instanceof ToolExecutionResultMessage result) {
            return AiMessage.from("Done: " + result.text());
        }
        String text = last instanceof UserMessage user ? user.singleText() : "";
        Matcher booking = BOOKING.matcher(text);
        if (booking.find() && !request.toolSpecifications().isEmpty()) {
            return AiMessage.from(ToolExecutionRequest.builder()
                    .id("call-" + Math.abs(text.hashCode() % 10_000))
                    .name("bookTrain")
                    .arguments("{\"from\":\"" + booking.group(1) + "\",\"to\":\"" + booking.group(2) + "\"}")
                    .build());
        }
        int injected = text.indexOf(INJECTED);
        if (injected < 0) {
            return AiMessage.from("I can only answer from the travel guide, and it says nothing about that.");
        }
        String passage = text.substring(injected + INJECTED.length()).strip();
        int end = passage.indexOf(". ");
        return AiMessage.from(end < 0 ? passage : passage.substring(0, end + 1));
    }

    @Override
    public String toString() {
        return "ScriptedChatModel".toLowerCase(Locale.ROOT);
    }
}
