package dev.agentstore.internal.observe;

import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The handler of a repository proxy that times each call of the repository's interface as one operation, tagged with
 * how it ended. {@code Object}'s methods pass through untimed. Each operation's timers are registered on its first
 * call and then looked up in a map, not in the registry.
 */
final class TimedRepository implements InvocationHandler {
    private static final Outcome[] OUTCOMES = Outcome.values();

    private final Object target;
    private final BiFunction<String, Outcome, Timer> timers;
    private final Map<Method, Timer[]> byMethod = new ConcurrentHashMap<>();

    /**
     * @param target the repository called
     * @param timers the timer of an operation (the method's name) and an outcome, registered on demand
     */
    TimedRepository(Object target, BiFunction<String, Outcome, Timer> timers) {
        this.target = target;
        this.timers = timers;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return passThrough(proxy, method, args);
        }
        Timer[] outcomes = byMethod.computeIfAbsent(method, m -> new Timer[OUTCOMES.length]);
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
            long elapsed = System.nanoTime() - start;
            timer(outcomes, method, outcome).record(elapsed, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(Timer[] outcomes, Method method, Outcome outcome) {
        Timer timer = outcomes[outcome.ordinal()];
        if (timer == null) {
            timer = timers.apply(method.getName(), outcome);
            outcomes[outcome.ordinal()] = timer; // a race registers the same timer twice: the registry returns one
        }
        return timer;
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
