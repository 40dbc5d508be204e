package dev.tether.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The data source of Tether's persistence unit: when it cannot lend a connection, it hands the JPA provider no
 * {@link SQLException} but an unchecked {@link Passed} that carries it, past the provider's exception handling, to
 * {@link StoreFailure}, where the {@link Dialect} decides what it means.
 *
 * <p>Why: a provider logs every {@code SQLException} it converts, at ERROR and with the database's text (Hibernate's
 * {@code SqlExceptionHelper}), and a database that cannot be reached is a designed 503 with {@code Retry-After} for
 * Tether, not a fault to alert on. Neither provider has a property of the unit for this (Hibernate's logger is one
 * category for the whole JVM, so its level would silence the application's own units too), and a provider cannot
 * be caught before it logs. The statements themselves need no such shield: they run on the connection the provider
 * lends ({@link LentConnection}), and their failures become Tether's own inside that work, never reaching the
 * provider.
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
        InvocationHandler handler = (self, method, args) -> {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException sql && method.getName().equals("getConnection")) {
                    throw new Passed(sql);
                }
                throw e.getCause();
            }
        };
        return (DataSource) Proxy.newProxyInstance(ShieldedDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, handler);
    }
}
