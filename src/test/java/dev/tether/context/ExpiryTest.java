package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.PersistentSession;
import dev.tether.fixtures.Basket;
import dev.tether.support.SystemSettings;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** Idle and absolute expiry, on a clock the test moves: an expired session reads as absent, purged or not. */
@EnableWeld
@RunsOnEveryDatabase
class ExpiryTest {

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of(
            "tether.idle-timeout", "PT30M", "tether.absolute-timeout", "PT2H", "tether.touch-interval", "PT1M"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    PersistentSession session;
    @Inject
    TestStorage storage;

    private String storedSession() {
        return units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();
    }

    @Test
    void aSessionIdleForLongerThanItsTimeoutReadsAsAbsentThoughItIsNotPurgedYet() throws SQLException {
        String id = storedSession();
        storage.clockControl().advance(Duration.ofMinutes(31));

        Units.Result<String> result = units.run(id, () -> basket.getFoo());

        assertThat(result.value()).isNull();
        assertThat(sessionRows()).isEqualTo(1);
    }

    @Test
    void aSessionUsedWithinItsIdleTimeoutStaysAlive() {
        String id = storedSession();
        storage.clockControl().advance(Duration.ofMinutes(29));
        units.run(id, () -> basket.getFoo());
        storage.clockControl().advance(Duration.ofMinutes(29));

        assertThat(units.run(id, () -> basket.getFoo()).value()).isEqualTo("bar");
    }

    @Test
    void aBusySessionStillEndsAtItsAbsoluteTimeout() {
        String id = storedSession();
        for (int i = 0; i < 4; i++) {
            storage.clockControl().advance(Duration.ofMinutes(25));
            assertThat(units.run(id, () -> basket.getFoo()).value()).isEqualTo("bar");
        }

        storage.clockControl().advance(Duration.ofMinutes(25));

        assertThat(units.run(id, () -> basket.getFoo()).value()).isNull();
    }

    @Test
    void theIdleTimeoutCanBeOverriddenPerSession() {
        String id = units.run(null, () -> {
            basket.setFoo("remember me");
            session.setIdleTimeout(Duration.ofHours(1));
        }).idToSend().orElseThrow();

        storage.clockControl().advance(Duration.ofMinutes(45));

        assertThat(units.run(id, () -> basket.getFoo()).value()).isEqualTo("remember me");
    }

    @Test
    void theAbsoluteTimeoutCanBeOverriddenPerSession() {
        String id = units.run(null, () -> {
            basket.setFoo("short lived");
            session.setAbsoluteTimeout(Duration.ofMinutes(10));
        }).idToSend().orElseThrow();

        storage.clockControl().advance(Duration.ofMinutes(11));

        assertThat(units.run(id, () -> basket.getFoo()).value()).isNull();
    }

    @Test
    void readOnlyRequestsWithinOneTouchIntervalCauseExactlyOneUpdate() {
        String id = storedSession();
        storage.clockControl().advance(Duration.ofMinutes(2));
        storage.statements().reset();

        for (int i = 0; i < 10; i++) {
            units.run(id, () -> basket.getFoo());
            storage.clockControl().advance(Duration.ofSeconds(5));
        }

        assertThat(storage.statements().countStartingWith("UPDATE")).isEqualTo(1);
        assertThat(storage.statements().countStartingWith("SELECT")).isEqualTo(10);
    }

    @Test
    void theTouchMovesTheIdleExpiry() {
        String id = storedSession();
        storage.clockControl().advance(Duration.ofMinutes(20));
        units.run(id, () -> basket.getFoo());

        storage.clockControl().advance(Duration.ofMinutes(20));

        assertThat(units.run(id, () -> basket.getFoo()).value()).isEqualTo("bar");
    }

    private long sessionRows() throws SQLException {
        try (Connection c = storage.uncounted().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM tether_session")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
