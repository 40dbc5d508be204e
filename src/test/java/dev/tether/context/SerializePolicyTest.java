package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.fixtures.Counter;
import dev.tether.support.Hammer;
import dev.tether.support.SystemSettings;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** Requests of one session take turns: no conflict, no lost increment. */
@EnableWeld
@RunsOnEveryDatabase
class SerializePolicyTest {

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of("tether.concurrency", "serialize"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Counter counter;

    @Test
    void fourThreadsOfTwentyFiveIncrementsEndAtOneHundred() throws InterruptedException {
        String id = units.run(null, () -> counter.increment()).sentId();

        int successes = Hammer.run(4, 25, () -> {
            units.run(id, () -> {
                counter.increment();
            });
            return true;
        });

        assertThat(successes).isEqualTo(100);
        assertThat(units.run(id, () -> counter.value()).value()).isEqualTo(101);
    }
}
