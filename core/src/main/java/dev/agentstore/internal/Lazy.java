package dev.agentstore.internal;

import java.util.function.Supplier;

/**
 * A value built on first use, once, then shared by every thread: what a tenant view holds for each repository, so
 * that creating a view costs nothing and a call builds only the repository it uses.
 *
 * @param <T> the value
 */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<? extends T> factory;
    private volatile T value;

    private Lazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    /** A value {@code factory} builds on the first {@link #get()}. */
    public static <T> Lazy<T> of(Supplier<? extends T> factory) {
        return new Lazy<>(factory);
    }

    /** The value, built by the first caller. */
    @Override
    public T get() {
        T current = value;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (value == null) {
                value = factory.get();
                factory = null;
            }
            return value;
        }
    }
}
