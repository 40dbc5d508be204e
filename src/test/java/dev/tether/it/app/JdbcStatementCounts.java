package dev.tether.it.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * Counts the SQL statements executed through a wrapped data source by their first word ({@code SELECT},
 * {@code UPDATE}, ...): what truly reached the database, whatever the JPA provider above it batched or cached.
 * A batched statement counts once per {@code addBatch}.
 */
public final class JdbcStatementCounts {

    private final Map<String, LongAdder> byVerb = new ConcurrentHashMap<>();

    public DataSource wrap(DataSource dataSource) {
        return wrapping(DataSource.class, dataSource, (method, args, result) ->
                result instanceof Connection connection ? wrapping(Connection.class, connection, this::onConnection)
                        : result);
    }

    public void reset() {
        byVerb.clear();
    }

    /** The counts since the last reset, by verb in lower case, e.g. {@code {select=3, update=1}}. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        byVerb.forEach((verb, count) -> counts.put(verb, count.sum()));
        return counts;
    }

    private Object onConnection(Method method, Object[] args, Object result) {
        if (!(result instanceof Statement statement)) {
            return result;
        }
        String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
        return wrapping(method.getReturnType().asSubclass(Statement.class), statement, (call, callArgs, r) -> {
            if (executes(call)) {
                String sql = callArgs != null && callArgs.length > 0 && callArgs[0] instanceof String given
                        ? given : prepared;
                byVerb.computeIfAbsent(verbOf(sql), verb -> new LongAdder()).increment();
            }
            return r;
        });
    }

    private static boolean executes(Method method) {
        String name = method.getName();
        return name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch"));
    }

    private static String verbOf(String sql) {
        return sql == null ? "unknown" : sql.stripLeading().split("\\s", 2)[0].toLowerCase(Locale.ROOT);
    }

    @FunctionalInterface
    private interface AfterCall {
        Object after(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T wrapping(Class<T> type, Object target, AfterCall after) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return after.after(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(JdbcStatementCounts.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
