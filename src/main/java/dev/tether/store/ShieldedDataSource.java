package dev.tether.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The data source of Tether's persistence unit: its connections and statements hand the JPA provider no
 * {@link SQLException}, but an unchecked {@link Passed} that carries it, past the provider's exception handling,
 * to {@link StoreFailure}, where the {@link Dialect} decides what it means.
 *
 * <p>Why: a provider logs every {@code SQLException} it converts, at ERROR and with the database's text, which
 * quotes the statement's values (Hibernate's {@code SqlExceptionHelper}; EclipseLink's session log). For Tether a
 * unique violation of two requests creating the same bean is a designed 409, and a refused connection a 503 with
 * {@code Retry-After}: operators alert on ERROR, and bean keys or session keys do not belong in the log. Neither
 * provider has a property of the unit for this (Hibernate's logger is one category for the whole JVM, so its level
 * would silence the application's own units too), and a provider cannot be caught before it logs: so the exception
 * never reaches it, for Tether's unit only. Providers pass unchecked exceptions of a statement through, marking the
 * transaction for rollback.
 */
final class ShieldedDataSource {

    private ShieldedDataSource() {
    }

    /** A driver's exception on its way past the provider. */
    static final class Passed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Passed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    static DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, ShieldedDataSource::statementsOf) : result);
    }

    private static Object statementsOf(Method method, Object result) {
        String name = method.getName();
        if (result instanceof Statement && (name.startsWith("prepare") || name.equals("createStatement"))) {
            Class<? extends Statement> type = method.getReturnType().asSubclass(Statement.class);
            return proxy(type, result, (m, r) -> r);
        }
        return result;
    }

    @FunctionalInterface
    private interface Wrapping {
        Object wrap(Method method, Object result);
    }

    /** {@code target} behind {@code type}: results wrapped, a {@code SQLException} of a call passed unchecked. */
    private static <T> T proxy(Class<T> type, Object target, Wrapping results) {
        InvocationHandler handler = (self, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException sql && passes(method)) {
                    throw new Passed(sql);
                }
                throw e.getCause();
            }
            return results.wrap(method, result);
        };
        return type.cast(Proxy.newProxyInstance(ShieldedDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    /** Getting a connection and running a statement; not closing, committing or rolling back, which providers handle. */
    private static boolean passes(Method method) {
        String name = method.getName();
        return name.equals("getConnection") || name.startsWith("execute");
    }
}
