package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.SessionConflictException;
import dev.tether.fixtures.Counter;
import dev.tether.fixtures.Guestbook;
import dev.tether.support.Hammer;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** The default policy under real contention: every write either counts or is refused, none is lost. */
@EnableWeld
@RunsOnEveryDatabase
class OptimisticPolicyTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(Guestbook.class);

    @Inject
    Units units;
    @Inject
    Counter counter;
    @Inject
    Guestbook guestbook;
    @Inject
    SessionUnits sessionUnits;

    @Test
    void fourThreadsOfTwentyFiveIncrementsEndAtTheNumberOfSuccessfulWrites() throws InterruptedException {
        String id = units.run(null, () -> counter.increment()).sentId();
        AtomicInteger conflicts = new AtomicInteger();

        int successes = Hammer.run(4, 25, () -> {
            try {
                units.run(id, () -> {
                    counter.increment();
                });
                return true;
            } catch (SessionConflictException expected) {
                conflicts.incrementAndGet();
                return false;
            }
        });

        assertThat(successes + conflicts.get()).isEqualTo(100);
        assertThat(units.run(id, () -> counter.value()).value()).isEqualTo(1 + successes);
    }

    @Test
    void aLastWriteWinsBeanTakesTheLaterWriteWithoutConflict() {
        String id = units.run(null, () -> guestbook.setLastEntry("first")).idToSend().orElseThrow();

        UnitOfWorkHandle earlier = sessionUnits.open(id);
        guestbook.setLastEntry("from the earlier request");
        UnitOfWorkHandle later = sessionUnits.open(id);
        guestbook.setLastEntry("from the later request");
        sessionUnits.close(later);
        sessionUnits.close(earlier);

        assertThat(units.run(id, () -> guestbook.getLastEntry()).value()).isEqualTo("from the earlier request");
    }
}
