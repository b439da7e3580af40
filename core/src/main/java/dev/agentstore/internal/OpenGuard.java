package dev.agentstore.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes every repository of a store fail fast once the store is closed, whatever the backend: repositories
 * handed out before {@code close()} would otherwise keep working on a memory backend and fail obscurely on a
 * closed connection pool.
 */
public final class OpenGuard {
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Wraps {@code target} so that each call first checks that the store is open. */
    public <T> T guard(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> invoke(proxy, target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** Marks the store closed; returns whether this call closed it. */
    public boolean close() {
        return closed.compareAndSet(false, true);
    }

    /** Whether the store is closed. */
    public boolean isClosed() {
        return closed.get();
    }

    private Object invoke(Object proxy, Object target, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> target.toString();
            };
        }
        if (closed.get()) {
            throw new IllegalStateException("this agentstore is closed; " + method.getName() + " cannot run");
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
