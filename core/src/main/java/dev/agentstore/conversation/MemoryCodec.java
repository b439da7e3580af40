package dev.agentstore.conversation;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How an agent framework's chat message type {@code T} maps to agentstore's messages, for {@link FrameworkMemory}.
 * The mapping must round-trip: a message written with {@link #toNew} and read back with {@link #fromStored} is
 * {@code equals} to the original, which is how a memory update recognizes the messages it already holds.
 *
 * @param <T> the framework's message type
 */
public interface MemoryCodec<T> {
    /** The framework's message for a stored one. */
    T fromStored(Message stored);

    /** The message to append for a framework message. */
    NewMessage toNew(T message);

    /** Whether a framework message is a system message, which stays pinned while older turns are evicted. */
    boolean isSystem(T message);

    /** A codec of three functions. */
    static <T> MemoryCodec<T> of(
            Function<Message, T> fromStored, Function<T, NewMessage> toNew, Predicate<T> isSystem) {
        Objects.requireNonNull(fromStored, "fromStored");
        Objects.requireNonNull(toNew, "toNew");
        Objects.requireNonNull(isSystem, "isSystem");
        return new MemoryCodec<>() {
            @Override
            public T fromStored(Message stored) {
                return fromStored.apply(stored);
            }

            @Override
            public NewMessage toNew(T message) {
                return toNew.apply(message);
            }

            @Override
            public boolean isSystem(T message) {
                return isSystem.test(message);
            }
        };
    }
}
