package app.go.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Wraps any port so each call passes two fault points, {@code <name>.<method>.before} (the call
 * fails: an outage) and {@code <name>.<method>.after} (the call took effect, then the process
 * died). With a recorder it lists the points a run passes, so a suite can fault each in turn.
 */
public final class Faulty {
    private Faulty() {}

    public static <T> T wrap(Class<T> port, T delegate, FaultPlan plan, String name, Set<String> reached) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(delegate, args);
            }
            String point = name + "." + method.getName();
            reached.add(point + ".before");
            plan.at(point + ".before");
            Object result;
            try {
                result = method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            reached.add(point + ".after");
            plan.at(point + ".after");
            return result;
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, handler));
    }

    /** A fresh, ordered set for {@link #wrap}'s reached points. */
    public static Set<String> points() {
        return java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    }
}
