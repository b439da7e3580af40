package dev.agentstore.internal;

import dev.agentstore.ConfigurationException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.StoreConfig;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.spi.CoreSettings;
import dev.agentstore.vector.Chunk;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Bounds on what one write may carry, the same on every backend, read once from the configuration:
 *
 * <ul>
 *   <li>times a caller supplies (metric samples, LLM requests, API calls) lie within {@code time-window.past} before
 *       and {@code time-window.future} after the store's clock, so no tenant can write into (and create storage
 *       for) months far from now;
 *   <li>the text, tool calls and metadata of the messages of one append total at most {@code
 *       limits.message-bytes-per-call} bytes (UTF-8), and the content, metadata and vectors of the chunks of one
 *       upsert at most {@code limits.chunk-bytes-per-call}.
 * </ul>
 *
 * @param past how far before now a supplied time may lie
 * @param future how far after now a supplied time may lie
 * @param messageBytesPerCall the most message bytes one call carries
 * @param chunkBytesPerCall the most chunk bytes one call carries
 * @param clock the store's clock
 */
public record WriteLimits(
        Duration past, Duration future, long messageBytesPerCall, long chunkBytesPerCall, Clock clock) {
    /**
     * The limits of {@code config}.
     *
     * @throws ConfigurationException naming the key of a value that is not a positive duration or size
     */
    public static WriteLimits of(StoreConfig config, Clock clock) {
        return new WriteLimits(
                CoreSettings.TIME_WINDOW_PAST.read(config),
                CoreSettings.TIME_WINDOW_FUTURE.read(config),
                CoreSettings.MESSAGE_BYTES_PER_CALL.read(config),
                CoreSettings.CHUNK_BYTES_PER_CALL.read(config),
                clock);
    }

    /**
     * {@code time} if it lies within the window around now.
     *
     * @throws InvalidInputException naming {@code field} otherwise
     */
    public Instant within(String field, Instant time) {
        Instant now = clock.instant();
        if (time.isBefore(now.minus(past)) || time.isAfter(now.plus(future))) {
            throw new InvalidInputException(
                    field,
                    "must lie within " + past + " before and " + future + " after now (time-window.past,"
                            + " time-window.future), but was " + time);
        }
        return time;
    }

    /** Checks the total size of the messages of one append against {@link #messageBytesPerCall}. */
    public void messages(String field, List<NewMessage> messages) {
        long bytes = 0;
        for (NewMessage message : messages) {
            bytes += utf8(message.content()) + utf8(message.toolCallId()) + metadata(message.metadata());
            for (ToolCall call : message.toolCalls()) {
                bytes += utf8(call.id()) + utf8(call.name()) + utf8(call.arguments());
            }
        }
        check(field, bytes, messageBytesPerCall, "limits.message-bytes-per-call");
    }

    /** Checks the size of one text (an edit's content) against {@link #messageBytesPerCall}. */
    public void text(String field, String text) {
        check(field, utf8(text), messageBytesPerCall, "limits.message-bytes-per-call");
    }

    /** Checks the total size of the chunks of one upsert against {@link #chunkBytesPerCall}. */
    public void chunks(String field, List<Chunk> chunks) {
        long bytes = 0;
        for (Chunk chunk : chunks) {
            bytes += utf8(chunk.id())
                    + utf8(chunk.content())
                    + metadata(chunk.metadata())
                    + 4L * chunk.embedding().length;
        }
        check(field, bytes, chunkBytesPerCall, "limits.chunk-bytes-per-call");
    }

    private static void check(String field, long bytes, long max, String key) {
        if (bytes > max) {
            throw new InvalidInputException(
                    field,
                    "must carry at most " + max + " bytes in one call (" + key + "), but carried " + bytes
                            + ": split it into smaller calls");
        }
    }

    private static long utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The bytes of a metadata tree: its keys and strings in UTF-8, eight per other value. */
    private static long metadata(Object value) {
        if (value instanceof Map<?, ?> map) {
            long bytes = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += utf8(String.valueOf(entry.getKey())) + metadata(entry.getValue());
            }
            return bytes;
        }
        if (value instanceof List<?> list) {
            return list.stream().mapToLong(WriteLimits::metadata).sum();
        }
        return value instanceof String s ? utf8(s) : 8;
    }
}
