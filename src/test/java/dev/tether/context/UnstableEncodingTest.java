package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.fixtures.Herbarium;
import dev.tether.support.Hammer;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/**
 * A bean whose bytes differ between loads but not within one unit is not written by a unit that only reads
 * it: the dirty check compares with the bean's encoding as loaded, not with the stored bytes.
 */
@EnableWeld
@RunsOnEveryDatabase
class UnstableEncodingTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(Herbarium.class);

    @Inject
    Units units;
    @Inject
    Herbarium herbarium;
    @Inject
    TestStorage storage;

    @Test
    void readingABeanWithAnIdentityHashedSetWritesNothing() {
        String id = units.run(null, () -> {
            for (int i = 0; i < 50; i++) {
                herbarium.collect("leaf " + i);
            }
        }).idToSend().orElseThrow();
        storage.statements().reset();

        for (int i = 0; i < 10; i++) {
            units.run(id, () -> herbarium.size());
        }

        assertThat(storage.statements().countStartingWith("SELECT")).isEqualTo(10);
        assertThat(storage.statements().count()).isEqualTo(10);
    }

    @Test
    void concurrentReadersAllSucceedAndWriteNothing() throws InterruptedException {
        String id = units.run(null, () -> {
            for (int i = 0; i < 50; i++) {
                herbarium.collect("leaf " + i);
            }
        }).idToSend().orElseThrow();
        storage.statements().reset();
        AtomicInteger sizes = new AtomicInteger();

        int successes = Hammer.run(4, 25, () -> {
            sizes.addAndGet(units.run(id, () -> herbarium.size()).value());
            return true;
        });

        assertThat(successes).isEqualTo(100);
        assertThat(sizes.get()).isEqualTo(100 * 50);
        assertThat(storage.statements().count()).isEqualTo(storage.statements().countStartingWith("SELECT"));
    }

    @Test
    void aRealChangeIsStillWritten() {
        String id = units.run(null, () -> herbarium.collect("first")).idToSend().orElseThrow();

        units.run(id, () -> herbarium.collect("second"));

        assertThat(units.run(id, () -> herbarium.size()).value()).isEqualTo(2);
    }
}
