package dev.agentstore.examples;

import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stand-in for a language model, so the chat example runs offline and prints the same thing every time: it
 * answers from a script of keyword replies, summarises by listing what the user asked, counts tokens as about
 * four characters each, and reports a latency that grows with the tokens it reads and writes (as a real model's
 * does) instead of sleeping.
 */
final class ScriptedModel {
    /** The model's name, as metrics and the response cache record it. */
    static final String NAME = "scripted-8b";

    private static final Map<String, String> SCRIPT = Map.of(
            "museum", "The Munch Museum and the Fram Museum are both open every day; buy tickets online.",
            "train", "Trains from Oslo to Bergen leave about every three hours; the trip takes seven hours.",
            "ski", "Take the metro line 1 to Holmenkollen: trails start at the station, skis can be rented there.",
            "eat", "Try the Mathallen food hall for Norwegian cheese, fish soup and cinnamon buns.",
            "weather", "Expect -5 to 0 degrees Celsius in January, with about six hours of daylight.");

    /** A reply: its text, the tokens read and written, and how long the model took. */
    record Reply(String text, int promptTokens, int completionTokens, long latencyMillis) {}

    /** Answers the last user message of {@code prompt}, which it reads whole. */
    Reply answer(List<Message> prompt, String summary) {
        String question = prompt.getLast().content();
        String text = SCRIPT.entrySet().stream()
                .filter(line -> startsAWord(question.toLowerCase(Locale.ROOT), line.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("I can help with museums, trains, skiing, food and the weather in Oslo.");
        int read = prompt.stream().mapToInt(Message::tokenCount).sum() + (summary == null ? 0 : tokens(summary));
        return reply(text, read);
    }

    /** Another answer to the last user message of {@code prompt}, as a model asked to regenerate one gives. */
    Reply answerAgain(List<Message> prompt, String previous) {
        Reply first = answer(prompt, null);
        String text = first.text().equals(previous)
                ? "In short: "
                        + previous.substring(0, previous.indexOf(',') < 0 ? previous.length() : previous.indexOf(','))
                        + ". Pack layers."
                : first.text();
        return reply(text, first.promptTokens());
    }

    /** Whether a word of {@code text} starts with {@code key} ("ski" in "skiing", not "eat" in "weather"). */
    private static boolean startsAWord(String text, String key) {
        for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
            if (at == 0 || !Character.isLetter(text.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }

    /** A summary of {@code messages}: the questions the user asked in them. */
    Reply summarise(List<Message> messages) {
        List<String> questions = messages.stream()
                .filter(m -> m.role() == MessageRole.USER)
                .map(Message::content)
                .toList();
        String text = "Earlier the user asked: " + String.join(" / ", questions);
        return reply(text, messages.stream().mapToInt(Message::tokenCount).sum());
    }

    /** About four characters a token, at least one. */
    static int tokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }

    private static Reply reply(String text, int promptTokens) {
        int completionTokens = tokens(text);
        return new Reply(text, promptTokens, completionTokens, 150 + promptTokens / 10 + 20L * completionTokens);
    }
}
