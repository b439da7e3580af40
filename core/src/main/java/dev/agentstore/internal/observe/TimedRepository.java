package dev.agentstore.internal.observe;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

/**
 * The handler of a repository proxy that times each call of the repository's interface as one operation, tagged with
 * how it ended. {@code Object}'s methods pass through untimed.
 */
final class TimedRepository implements InvocationHandler {
    private final Object target;
    private final OperationTimers timers;

    /**
     * @param target the repository called
     * @param timers the timers of its series
     */
    TimedRepository(Object target, OperationTimers timers) {
        this.target = target;
        this.timers = timers;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return passThrough(proxy, method, args);
        }
        long start = System.nanoTime();
        Outcome outcome = Outcome.ERROR;
        try {
            Object result = method.invoke(target, args);
            outcome = Outcome.SUCCESS;
            return result;
        } catch (InvocationTargetException e) {
            outcome = Outcome.of(e.getCause());
            throw e.getCause();
        } finally {
            timers.timer(method, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** {@code Object}'s methods: the proxy equals only itself; {@code toString} is the repository's. */
    private Object passThrough(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> target.toString();
        };
    }
}
