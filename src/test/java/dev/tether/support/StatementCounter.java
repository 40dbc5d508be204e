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

import javax.sql.DataSource;

/**
 * Wraps a DataSource and records every SQL statement executed through it, at the JDBC level, so tests count
 * what really reaches the database whatever the JPA provider does.
 */
public final class StatementCounter {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection c
                ? proxy(Connection.class, c, this::onConnection) : result);
    }

    private Object onConnection(Method method, Object[] args, Object result) {
        if (result instanceof Statement statement) {
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            Class<? extends Statement> type = method.getReturnType().asSubclass(Statement.class);
            return proxy(type, statement, (m, a, r) -> {
                if (m.getName().startsWith("execute")) {
                    statements.add(sql != null ? sql : a != null && a.length > 0 ? String.valueOf(a[0]) : "?");
                }
                return r;
            });
        }
        return result;
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
