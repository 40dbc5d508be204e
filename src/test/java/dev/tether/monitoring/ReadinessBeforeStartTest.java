package dev.tether.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tether.SessionStorage;
import dev.tether.SessionStoreUnavailableException;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.Greeter;
import dev.tether.support.MutableClock;
import dev.tether.support.StatementCounter;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.TestDatabase;

/**
 * A database that is down when the application starts: the store does not start, and the readiness probe says so
 * without ever trying to start it (no DDL), however often it is asked. Requests try again one at a time, after a
 * backoff; within it they fail at once, and each attempt logs one line (the first failure at start logged the stack
 * trace already).
 */
class ReadinessBeforeStartTest {

    /** A fresh database, down until a test brings it up, its statements counted. */
    @ApplicationScoped
    public static class DownAtStart {

        static volatile boolean down = true;
        static final StatementCounter STATEMENTS = new StatementCounter();
        static final MutableClock CLOCK = new MutableClock();
        private final DataSource database = TestDatabase.selected().newDatabase();

        @Produces
        @SessionStorage
        @ApplicationScoped
        DataSource dataSource() {
            DataSource refusing = (DataSource) Proxy.newProxyInstance(DownAtStart.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection") && down) {
                            throw new SQLException("Connection to db.internal:5432 refused (simulated outage)",
                                    "08001");
                        }
                        try {
                            return method.invoke(database, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            return STATEMENTS.wrap(refusing);
        }

        @Produces
        @SessionStorage
        Clock clock() {
            return CLOCK;
        }
    }

    private WeldContainer container;

    @BeforeEach
    void startWithTheDatabaseDown() {
        DownAtStart.down = true;
        DownAtStart.STATEMENTS.reset();
        container = TetherWeld.bare(DownAtStart.class, Basket.class, Greeter.class, Units.class).initialize();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void theProbeSaysTheDatabaseIsUnreachable() {
        HealthCheckResponse response = readiness();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow().get("reason")).isEqualTo("database unreachable");
    }

    @Test
    void theProbeNeverStartsTheStoreNorRunsDdl() {
        readiness();
        DownAtStart.down = false;

        HealthCheckResponse first = readiness();
        HealthCheckResponse second = readiness();

        assertThat(DownAtStart.STATEMENTS.statements()).noneMatch(sql -> sql.strip().toUpperCase().startsWith("CREATE"));
        assertThat(first.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(second.getData().orElseThrow().get("reason")).isEqualTo("schema missing");
    }

    @Test
    void aRequestAfterTheBackoffStartsTheStoreOnceTheDatabaseIsBackAndTheProbeThenSaysUp() {
        DownAtStart.down = false;
        DownAtStart.CLOCK.advance(Duration.ofSeconds(2));
        Units units = container.select(Units.class).get();
        Basket basket = container.select(Basket.class).get();

        units.run(null, () -> basket.setFoo("bar"));

        assertThat(readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aRequestWithinTheBackoffFailsAtOnceWithoutAskingTheDatabase() {
        Units units = container.select(Units.class).get();
        Basket basket = container.select(Basket.class).get();
        DownAtStart.down = false;

        assertThatThrownBy(() -> units.run(null, () -> basket.setFoo("bar")))
                .isInstanceOf(SessionStoreUnavailableException.class).hasMessageContaining("next attempt");
        assertThat(DownAtStart.STATEMENTS.statements()).isEmpty();
    }

    @Test
    void eachAttemptLogsOneLineAndOnlyTheFirstItsStackTrace() {
        Units units = container.select(Units.class).get();
        Basket basket = container.select(Basket.class).get();
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger tether = Logger.getLogger("dev.tether");
        tether.addHandler(handler);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                DownAtStart.CLOCK.advance(Duration.ofMinutes(1));
                assertThatThrownBy(() -> units.run(null, () -> basket.setFoo("bar")))
                        .isInstanceOf(SessionStoreUnavailableException.class);
                assertThatThrownBy(() -> units.run(null, () -> basket.setFoo("bar")))
                        .as("within the backoff").isInstanceOf(SessionStoreUnavailableException.class);
            }
        } finally {
            tether.removeHandler(handler);
        }

        assertThat(records).as("one line per attempt, none for a request refused within the backoff").hasSize(3);
        assertThat(records).filteredOn(record -> record.getThrown() != null).isEmpty();
    }

    private HealthCheckResponse readiness() {
        return container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get().call();
    }
}
