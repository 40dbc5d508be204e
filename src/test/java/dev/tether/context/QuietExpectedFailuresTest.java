package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.logging.Level;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.SessionConflictException;
import dev.tether.SessionStoreUnavailableException;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.Counter;
import dev.tether.support.EverythingLogged;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/**
 * A designed outcome is not a fault: a conflict (409) or a database that cannot be reached (503) leaves no line at
 * ERROR (SEVERE) or WARNING in the log, neither Tether's nor the JPA provider's, and no statement's values.
 */
@EnableWeld
@RunsOnEveryDatabase
class QuietExpectedFailuresTest {

    /** Part of the bean key that two requests insert at once: the provider's error text would quote it. */
    private static final String VALUE = Counter.class.getName();

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    SessionUnits sessionUnits;
    @Inject
    Counter counter;
    @Inject
    Basket basket;
    @Inject
    TestStorage storage;

    @Test
    void twoRequestsCreatingTheSameBeanAtOnceLeaveTheLoserA409AndTheLogQuiet() {
        try (EverythingLogged log = EverythingLogged.during()) {
            // the store starts with this first request, its provider's log on the standard streams captured
            String id = units.run(null, () -> basket.setFoo("x")).idToSend().orElseThrow();
            log.clear();

            UnitOfWorkHandle slow = sessionUnits.open(id);
            counter.increment();
            units.run(id, () -> counter.increment());

            assertThatThrownBy(() -> sessionUnits.close(slow)).isInstanceOf(SessionConflictException.class);

            assertThat(log.atOrAbove(Level.WARNING)).isEmpty();
            assertThat(log.all()).filteredOn(line -> line.text().contains(VALUE)).isEmpty();
            assertThat(log.all()).filteredOn(line -> line.logger() != null && line.logger().startsWith("dev.tether"))
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(log.printed()).doesNotContain(VALUE).doesNotContainIgnoringCase("exception");
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedLeavesA503AndTheLogQuiet() {
        try (EverythingLogged log = EverythingLogged.during()) {
            // the store starts with this first request, its provider's log on the standard streams captured
            String id = units.run(null, () -> basket.setFoo("x")).idToSend().orElseThrow();
            log.clear();

            storage.databaseDown(true);
            try {
                assertThatThrownBy(() -> units.run(id, () -> basket.setFoo("y")))
                        .isInstanceOf(SessionStoreUnavailableException.class);
            } finally {
                storage.databaseDown(false);
            }

            assertThat(log.atOrAbove(Level.WARNING)).isEmpty();
            assertThat(log.all()).filteredOn(line -> line.logger() != null && line.logger().startsWith("dev.tether"))
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(log.printed()).doesNotContainIgnoringCase("exception");
        }
    }
}
