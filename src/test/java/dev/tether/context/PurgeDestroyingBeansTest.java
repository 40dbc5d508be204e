package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.PersistentSessions;
import dev.tether.fixtures.Basket;
import dev.tether.support.SystemSettings;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** With tether.purge.destroy-beans=true, a purged session's beans get their @PreDestroy. */
@EnableWeld
@RunsOnEveryDatabase
class PurgeDestroyingBeansTest {

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of(
            "tether.idle-timeout", "PT30M", "tether.purge.destroy-beans", "true"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    PersistentSessions sessions;
    @Inject
    TestStorage storage;

    @Test
    void purgedBeansAreDestroyed() {
        units.run(null, () -> basket.setFoo("a"));
        units.run(null, () -> basket.setFoo("b"));
        storage.clockControl().advance(Duration.ofMinutes(31));
        int destroyedBefore = Basket.DESTROYED.get();

        assertThat(sessions.purgeExpired().sessions()).isEqualTo(2);

        assertThat(Basket.DESTROYED.get()).isEqualTo(destroyedBefore + 2);
        assertThat(sessions.count()).isZero();
    }
}
