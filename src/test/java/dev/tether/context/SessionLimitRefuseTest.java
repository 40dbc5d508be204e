package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.TooManySessionsException;
import dev.tether.fixtures.Basket;
import dev.tether.support.SystemSettings;
import dev.tether.support.TestStorage;
import dev.tether.support.Logins;
import dev.tether.support.TetherWeld;
import dev.tether.support.db.RunsOnEveryDatabase;

/** One session per principal; a second login is refused, however the logins overlap. */
@EnableWeld
@RunsOnEveryDatabase
class SessionLimitRefuseTest {

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of("tether.max-sessions-per-principal", "1",
            "tether.max-sessions-policy", "refuse"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(Logins.class);

    @Inject
    Logins logins;
    @Inject
    SessionUnits sessionUnits;
    @Inject
    Basket basket;
    @Inject
    PersistentSession session;
    @Inject
    PersistentSessions sessions;
    @Inject
    TestStorage storage;

    @Test
    void setPrincipalRefusesALoginBeyondTheLimitAtOnce() {
        String laptop = logins.loggedIn("alice", "alice");

        assertThatThrownBy(() -> logins.loggedIn("alice", "alice")).isInstanceOf(TooManySessionsException.class)
                .hasMessageContaining("tether.max-sessions-per-principal");

        assertThat(sessions.findByPrincipal("alice")).singleElement()
                .satisfies(info -> assertThat(info).isEqualTo(sessions.find(laptop).orElseThrow()));
        assertThat(sessions.count()).isEqualTo(1);
    }

    @Test
    void aLoginTheContainerReportsIsRefusedAtWriteBackAndStoresNothing() {
        logins.loggedIn("alice", "alice");
        UnitOfWorkHandle phone = sessionUnits.open(null, () -> "alice");
        basket.setFoo("phone");

        assertThatThrownBy(() -> sessionUnits.close(phone)).isInstanceOf(TooManySessionsException.class);

        assertThat(sessions.count()).isEqualTo(1);
    }

    @Test
    void ofTwoOverlappingLoginsTheSecondToWriteIsRefused() {
        UnitOfWorkHandle laptop = sessionUnits.open(null);
        session.setPrincipal("alice");
        UnitOfWorkHandle phone = sessionUnits.open(null);
        session.setPrincipal("alice");
        sessionUnits.close(phone);

        assertThatThrownBy(() -> sessionUnits.close(laptop)).isInstanceOf(TooManySessionsException.class);

        assertThat(sessions.findByPrincipal("alice")).hasSize(1);
    }

    @Test
    void loginsThatWriteAtTheSameMomentWaitForEachOtherAndOnlyOneIsStored() throws Exception {
        logins.loggedIn("bob", "bob");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> logins = new ArrayList<>();
        try (Connection holder = storage.uncounted().getConnection()) {
            holder.setAutoCommit(false);
            holdTheLoginLock(holder);
            for (int i = 0; i < 2; i++) {
                logins.add(threads.submit(() -> {
                    UnitOfWorkHandle login = sessionUnits.open(null, () -> "alice");
                    basket.setFoo("alice");
                    return sessionUnits.close(login);
                }));
            }
            Thread.sleep(300);
            assertThat(logins).noneMatch(Future::isDone);
            holder.commit();
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        long refused = logins.stream().filter(login -> failure(login) instanceof TooManySessionsException).count();
        assertThat(refused).isEqualTo(1);
        assertThat(sessions.findByPrincipal("alice")).hasSize(1);
    }

    private static void holdTheLoginLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(
                    "UPDATE tether_lease SET held_until = held_until + 1 WHERE lease_name = 'logins'")).isEqualTo(1);
        }
    }

    private static Throwable failure(Future<?> login) {
        try {
            login.get();
            return null;
        } catch (Exception e) {
            return e.getCause();
        }
    }
}
