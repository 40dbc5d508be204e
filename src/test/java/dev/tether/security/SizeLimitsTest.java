package dev.tether.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

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
import dev.tether.support.CapturedLog;
import dev.tether.support.TestStorage;
import dev.tether.support.SystemSettings;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/** tether.max-bean-bytes and tether.max-session-bytes: refuse to store too much, refuse to read too much. */
@EnableWeld
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

        try (CapturedLog log = CapturedLog.of("dev.tether.context.UnitOfWork")) {
            String foo = units.run(id, () -> basket.getFoo()).value();

            assertThat(foo).isNull();
            assertThat(log.warnings()).singleElement().asString()
                    .contains(Basket.class.getName()).contains(ConfigKeys.MAX_BEAN_BYTES);
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
