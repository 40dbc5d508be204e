package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.PersistentSessions;
import dev.tether.SessionStorage;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.Greeter;
import dev.tether.support.SystemSettings;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;
import dev.tether.support.db.TestDatabase;

/**
 * Every statement a request or {@link PersistentSessions} runs carries {@code tether.statement-timeout} to the
 * driver, so a database that hangs fails the request (a 503) instead of holding its thread and connection for good.
 */
@EnableWeld
@RunsOnEveryDatabase
class StatementTimeoutTest {

    /**
     * 3 s, rounded up from the configured 2.5 s; none on H2, which would keep a statement's timeout on the pooled
     * connection for whoever borrows it next.
     */
    private static final int EXPECTED = System.getProperty(TestDatabase.PROPERTY, "h2").equals("h2") ? 0 : 3;


    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of("tether.statement-timeout", "PT2.5S"));

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(TetherWeld.bare(TimedStorage.class, Basket.class, Greeter.class,
            Units.class)).build();

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    PersistentSessions sessions;
    @Inject
    TimedStorage storage;

    /** The test database, noting for each statement it runs the timeout it was given (0: none). */
    @ApplicationScoped
    public static class TimedStorage {

        record Executed(String sql, int timeoutSeconds) {
        }

        private final List<Executed> executed = new CopyOnWriteArrayList<>();
        private final DataSource database = TestDatabase.selected().newDatabase();

        List<Executed> executed() {
            return executed;
        }

        @Produces
        @SessionStorage
        @ApplicationScoped
        DataSource dataSource() {
            return proxy(DataSource.class, database, (method, args, result) -> result instanceof Connection connection
                    ? proxy(Connection.class, connection, (m, a, r) -> r instanceof Statement statement
                            ? timed(m, a, statement) : r)
                    : result);
        }

        private Object timed(Method created, Object[] args, Statement statement) {
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
            int[] timeout = {0};
            Class<? extends Statement> type = created.getReturnType().asSubclass(Statement.class);
            return proxy(type, statement, (m, a, r) -> {
                if (m.getName().equals("setQueryTimeout")) {
                    timeout[0] = (Integer) a[0];
                } else if (m.getName().startsWith("execute")) {
                    executed.add(new Executed(a != null && a.length > 0 ? String.valueOf(a[0]) : sql, timeout[0]));
                }
                return r;
            });
        }

        @FunctionalInterface
        interface AfterCall {
            Object wrap(Method method, Object[] args, Object result) throws Exception;
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
            return (T) Proxy.newProxyInstance(StatementTimeoutTest.class.getClassLoader(), new Class<?>[] {type},
                    (p, method, args) -> {
                        try {
                            return after.wrap(method, args, method.invoke(target, args));
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Test
    void everyStatementOfARequestCarriesTheTimeoutInWholeSecondsRoundedUp() {
        storage.executed().clear();

        String id = units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();
        units.run(id, () -> basket.getFoo());
        units.run(id, () -> basket.setFoo("baz"));

        assertThat(storage.executed()).isNotEmpty()
                .allSatisfy(statement -> assertThat(statement.timeoutSeconds()).as(statement.sql()).isEqualTo(EXPECTED));
    }

    @Test
    void everyStatementOfPersistentSessionsCarriesTheTimeout() {
        units.run(null, () -> basket.setFoo("bar"));
        storage.executed().clear();

        sessions.count();
        sessions.findByPrincipal("nobody");
        sessions.purgeExpired();

        assertThat(storage.executed()).isNotEmpty()
                .allSatisfy(statement -> assertThat(statement.timeoutSeconds()).as(statement.sql()).isEqualTo(EXPECTED));
    }
}
