package dev.tether.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.ConfigKeys;
import dev.tether.PersistentSessions;
import dev.tether.SessionTooLargeException;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.Counter;
import dev.tether.fixtures.Preferences;
import dev.tether.context.SessionIds;
import dev.tether.context.SessionUnits;
import dev.tether.context.UnitOfWorkHandle;
import dev.tether.support.CapturedLog;
import dev.tether.support.TestStorage;
import dev.tether.support.SystemSettings;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/**
 * tether.max-bean-bytes and tether.max-session-bytes: refuse to store too much, refuse to read too much, on every
 * database (the store measures stored state in SQL, with each database's own length function).
 */
@EnableWeld
@RunsOnEveryDatabase
class SizeLimitsTest {

    private static final int BEAN_LIMIT = 2048;

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of(ConfigKeys.MAX_BEAN_BYTES, "2KB", ConfigKeys.MAX_SESSION_BYTES, "3KB"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    Counter counter;
    @Inject
    Preferences preferences;
    @Inject
    PersistentSessions sessions;
    @Inject
    TestStorage storage;
    @Inject
    SessionUnits sessionUnits;

    private static String text(int length) {
        return "x".repeat(length);
    }

    @Test
    void aBeanOverTheLimitFailsTheUnitAndStoresNothing() {
        assertThatThrownBy(() -> units.run(null, () -> {
            counter.increment();
            basket.setFoo(text(BEAN_LIMIT));
        })).isInstanceOf(SessionTooLargeException.class)
                .hasMessageContaining(Basket.class.getName()).hasMessageContaining(ConfigKeys.MAX_BEAN_BYTES);

        assertThat(sessions.count()).isZero();
    }

    @Test
    void aChangeThatMakesAStoredBeanTooLargeKeepsItsOldState() {
        String id = units.run(null, () -> basket.setFoo("small")).idToSend().orElseThrow();

        assertThatThrownBy(() -> units.run(id, () -> basket.setFoo(text(BEAN_LIMIT))))
                .isInstanceOf(SessionTooLargeException.class);

        assertThat(units.run(id, () -> basket.getFoo()).value()).isEqualTo("small");
    }

    @Test
    void beansThatFitOneByOneButNotTogetherFailAndKeepTheSessionAsItWas() {
        String id = units.run(null, () -> basket.setFoo(text(1500))).idToSend().orElseThrow();

        assertThatThrownBy(() -> units.run(id, () -> preferences.getNames().add(text(1500))))
                .isInstanceOf(SessionTooLargeException.class).hasMessageContaining(ConfigKeys.MAX_SESSION_BYTES);

        assertThat(units.run(id, () -> preferences.getNames()).value()).isEmpty();
    }

    @Test
    void aWriterThatOverlapsAnotherCountsWhatTheOtherStoredMeanwhile() {
        String id = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle slow = sessionUnits.open(id);
        basket.setFoo(text(1500));
        units.run(id, () -> preferences.getNames().add(text(1500)));

        assertThatThrownBy(() -> sessionUnits.close(slow)).isInstanceOf(SessionTooLargeException.class)
                .hasMessageContaining(ConfigKeys.MAX_SESSION_BYTES);
        assertThat(units.run(id, () -> preferences.getNames().size() + "/" + basket.getFoo()).value())
                .isEqualTo("1/null");
    }

    @Test
    void twoWritersInFlightAtOnceCannotTogetherStoreMoreThanTheLimit() throws Exception {
        String id = units.run(null, () -> counter.increment()).sentId();
        CompletableFuture<Throwable> other = new CompletableFuture<>();
        // while the first writer's transaction has stored its bean and not committed, the second writes
        storage.statements().rightAfter("INSERT INTO tether_bean", () -> {
            CompletableFuture.runAsync(() -> {
                try {
                    units.run(id, () -> preferences.getNames().add(text(1500)));
                    other.complete(null);
                } catch (RuntimeException e) {
                    other.complete(e);
                }
            });
            try {
                // the second blocks on the session's lock, if it is taken; the first goes on after a second
                other.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException | InterruptedException | ExecutionException stillWaiting) {
                // the usual case with the lock
            }
        });

        units.run(id, () -> basket.setFoo(text(1500)));

        assertThat(other.get(30, TimeUnit.SECONDS)).isInstanceOf(SessionTooLargeException.class);
        try (CapturedLog log = CapturedLog.of("dev.tether.context.InstanceBuilder")) {
            assertThat(units.run(id, () -> preferences.getNames().size() + "/" + basket.getFoo().length()).value())
                    .isEqualTo("0/1500");
            assertThat(log.warnings()).isEmpty();
        }
    }

    @Test
    void onlyAWriteInWhichABeanGrowsCountsTheStoredSessionInItsTransaction() {
        String id = units.run(null, () -> basket.setFoo("ab")).idToSend().orElseThrow();
        storage.statements().reset();

        units.run(id, () -> basket.setFoo("cd"));
        List<String> sameSize = storage.statements().statements();
        storage.statements().reset();
        units.run(id, () -> basket.setFoo("longer"));
        List<String> grown = storage.statements().statements();

        assertThat(sameSize).hasSize(2).noneMatch(sql -> sql.contains("SUM("));
        assertThat(grown).hasSize(4).filteredOn(sql -> sql.contains("SUM(")).hasSize(1);
    }

    @Test
    void aWriteThatShrinksTheSessionIsAllowedEvenOverTheLimit() throws SQLException {
        String id = units.run(null, () -> {
            basket.setFoo(text(1500));
            counter.increment();
        }).idToSend().orElseThrow();
        padStoredState(Counter.class.getName(), BEAN_LIMIT - 8);

        units.run(id, () -> basket.setFoo(text(1000)));

        assertThat(units.run(id, () -> basket.getFoo()).value()).hasSize(1000);
    }

    @Test
    void aStoredBeanOverTheLimitStartsFreshWithAWarningAndNoException() throws SQLException {
        String id = units.run(null, () -> basket.setFoo("stored")).idToSend().orElseThrow();
        padStoredState(Basket.class.getName(), BEAN_LIMIT + 1);

        try (CapturedLog log = CapturedLog.of("dev.tether.context.InstanceBuilder")) {
            String foo = units.run(id, () -> basket.getFoo()).value();

            assertThat(foo).isNull();
            assertThat(log.warnings()).singleElement().asString()
                    .contains(Basket.class.getName()).contains(ConfigKeys.MAX_BEAN_BYTES);
        }
    }

    @Test
    void aRequestReadsAtMostTheSessionLimitOfStoredStateAndTheBeanPastItStartsFresh() throws SQLException {
        String id = units.run(null, () -> basket.setFoo(text(1500))).idToSend().orElseThrow();
        String other = units.run(null, () -> {
            preferences.getNames().add(text(1500));
        }).idToSend().orElseThrow();
        // each bean was stored within the limits; together, in one session, they are over the session's
        moveBean(Preferences.class.getName(), other, id);

        try (CapturedLog log = CapturedLog.of("dev.tether.context.InstanceBuilder")) {
            int[] read = units.run(id, () -> new int[] {basket.getFoo().length(), preferences.getNames().size()})
                    .value();

            assertThat(read).containsExactly(1500, 0);
            assertThat(log.warnings()).singleElement().asString()
                    .contains(Preferences.class.getName()).contains(ConfigKeys.MAX_SESSION_BYTES);
        }
    }

    /** Moves a bean's row from one session to another, as rows written by other means could leave it. */
    private void moveBean(String beanKey, String fromId, String toId) throws SQLException {
        try (Connection c = storage.uncounted().getConnection();
             PreparedStatement move = c.prepareStatement("UPDATE tether_bean SET session_pk = (SELECT session_pk "
                     + "FROM tether_session WHERE id_hash = ?) WHERE bean_key = ? AND session_pk = (SELECT session_pk "
                     + "FROM tether_session WHERE id_hash = ?)")) {
            move.setString(1, SessionIds.hash(toId));
            move.setString(2, beanKey);
            move.setString(3, SessionIds.hash(fromId));
            assertThat(move.executeUpdate()).isEqualTo(1);
        }
    }

    /** Makes a stored bean's bytes this long, as a larger limit (or a tampered row) would have left them. */
    private void padStoredState(String beanKey, int length) throws SQLException {
        try (Connection c = storage.uncounted().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE tether_bean SET state_bytes = ? WHERE bean_key = ?")) {
            update.setBytes(1, new byte[length]);
            update.setString(2, beanKey);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
