package dev.tether.bench.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * Counts, at the JDBC level, every SQL statement and commit that goes through a wrapped DataSource, whatever
 * the library above it (Hibernate for Tether, JdbcTemplate for Spring Session) does. A batched statement
 * counts once per {@code addBatch}.
 */
public final class StatementCounts {

    /** What a statement does, from its first word. */
    public enum Kind {
        SELECT, INSERT, UPDATE, DELETE, MERGE, OTHER;

        /**
         * Reads the first word in place: the counter sits on every statement of every variant, and must not cost
         * more for a longer statement (a split copies the rest of the text, and compiles its pattern each time).
         */
        static Kind of(String sql) {
            if (sql == null) {
                return OTHER;
            }
            int start = 0;
            while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
                start++;
            }
            for (Kind kind : values()) {
                String word = kind.name();
                int end = start + word.length();
                if (sql.regionMatches(true, start, word, 0, word.length())
                        && (end == sql.length() || Character.isWhitespace(sql.charAt(end)))) {
                    return kind;
                }
            }
            return OTHER;
        }
    }

    /** Prepared statements are few; this bounds the map should something generate SQL texts. */
    private static final int MAX_DISTINCT = 500;

    private final Map<Kind, LongAdder> statements = new EnumMap<>(Kind.class);
    private final LongAdder commits = new LongAdder();
    private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

    public StatementCounts() {
        for (Kind kind : Kind.values()) {
            statements.put(kind, new LongAdder());
        }
    }

    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) ->
                result instanceof Connection connection ? proxy(Connection.class, connection, this::onConnection)
                        : result);
    }

    /** Totals since the server started, as a JSON object. */
    public String json() {
        StringBuilder json = new StringBuilder("{");
        long total = 0;
        for (Map.Entry<Kind, LongAdder> entry : statements.entrySet()) {
            long count = entry.getValue().sum();
            total += count;
            json.append('"').append(entry.getKey().name().toLowerCase(Locale.ROOT)).append("\":").append(count).append(',');
        }
        return json.append("\"statements\":").append(total).append(",\"commits\":").append(commits.sum())
                .append('}').toString();
    }

    /** Each distinct statement text with its count, one per line, most frequent first. */
    public String byStatement() {
        StringBuilder text = new StringBuilder();
        bySql.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .forEach(entry -> text.append(entry.getValue().sum()).append('\t').append(entry.getKey()).append('\n'));
        return text.toString();
    }

    private Object onConnection(Method method, Object[] args, Object result) {
        if (method.getName().equals("commit")) {
            commits.increment();
        }
        if (result instanceof Statement statement) {
            String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
            Class<? extends Statement> type = method.getReturnType().asSubclass(Statement.class);
            return proxy(type, statement, (m, a, r) -> {
                onStatement(m, a, prepared);
                return r;
            });
        }
        return result;
    }

    private void onStatement(Method method, Object[] args, String prepared) {
        String name = method.getName();
        boolean executes = name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch"));
        if (executes) {
            String sql = args != null && args.length > 0 && args[0] instanceof String given ? given : prepared;
            statements.get(Kind.of(sql)).increment();
            if (bySql.size() < MAX_DISTINCT || bySql.containsKey(String.valueOf(sql))) {
                bySql.computeIfAbsent(String.valueOf(sql), key -> new LongAdder()).increment();
            }
        }
    }

    @FunctionalInterface
    private interface AfterCall {
        Object after(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return after.after(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementCounts.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
