package dev.tether.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

/**
 * Wraps a DataSource and records every SQL statement executed through it, at the JDBC level, so tests count
 * what really reaches the database whatever the JPA provider does.
 */
public final class StatementCounter {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final AtomicReference<Interleaved> interleaved = new AtomicReference<>();
    private final AtomicReference<Interleaved> rightAfter = new AtomicReference<>();

    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection c
                ? proxy(Connection.class, c, this::onConnection) : result);
    }

    private Object onConnection(Method method, Object[] args, Object result) {
        if (result instanceof Statement statement) {
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            Class<? extends Statement> type = method.getReturnType().asSubclass(Statement.class);
            return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
                boolean executes = m.getName().startsWith("execute");
                String text = sql != null ? sql : a != null && a.length > 0 ? String.valueOf(a[0]) : "?";
                if (executes) {
                    runInterleaved(text);
                }
                try {
                    Object r = m.invoke(statement, a);
                    if (executes) {
                        statements.add(text);
                        runRightAfter(text);
                    }
                    return r;
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }
        return result;
    }

    /**
     * Runs {@code action} once, just before the first statement that follows one starting with {@code after}: what
     * another node or request does between two statements of Tether's.
     */
    public void interleave(String after, Runnable action) {
        interleaved.set(new Interleaved(after, action, new AtomicBoolean()));
    }

    /**
     * Runs {@code action} once, right after the first statement starting with {@code statement} has run, on the
     * thread that ran it (inside its transaction, if it has one): what another request does meanwhile.
     */
    public void rightAfter(String statement, Runnable action) {
        rightAfter.set(new Interleaved(statement, action, new AtomicBoolean()));
    }

    private void runRightAfter(String sql) {
        Interleaved next = rightAfter.get();
        if (next != null && sql.startsWith(next.after()) && rightAfter.compareAndSet(next, null)) {
            next.action().run();
        }
    }

    private void runInterleaved(String sql) {
        Interleaved next = interleaved.get();
        if (next == null) {
            return;
        }
        if (next.seen().get() && interleaved.compareAndSet(next, null)) {
            next.action().run();
        } else if (sql.startsWith(next.after())) {
            next.seen().set(true);
        }
    }

    private record Interleaved(String after, Runnable action, AtomicBoolean seen) {
    }

    public void reset() {
        statements.clear();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    public long count() {
        return statements.size();
    }

    public long countStartingWith(String verb) {
        return statements.stream().filter(s -> s.strip().toUpperCase(Locale.ROOT).startsWith(verb)).count();
    }

    @FunctionalInterface
    private interface AfterCall {
        Object wrap(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
        InvocationHandler handler = (p, method, args) -> {
            try {
                return after.wrap(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
