package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.fixtures.Counter;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/**
 * A page that goes on using persistent beans after its response started (and so after write-back) loses what it
 * changes then; the unit tells the boundary which beans those were, so it can say so, and reading is not reported.
 */
@EnableWeld
class ChangesAfterWriteBackTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    SessionUnits sessionUnits;
    @Inject
    Units units;
    @Inject
    Counter counter;

    @Test
    void aBeanChangedAfterWriteBackIsNamedAndItsChangeIsNotStored() {
        String id = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle handle = sessionUnits.open(id);
        counter.increment();
        sessionUnits.closeDetached(handle);
        counter.increment();
        var changedLate = sessionUnits.changedAfterWriteBack(handle);
        sessionUnits.detach(handle);

        assertThat(changedLate).singleElement().asString().contains(Counter.class.getName());
        assertThat(units.run(id, () -> counter.value()).value()).isEqualTo(2);
    }

    @Test
    void aBeanIsReportedOncePerDeployment() {
        String id = units.run(null, () -> counter.increment()).sentId();

        List<String> first = changeLate(id);
        List<String> second = changeLate(id);

        assertThat(first).hasSize(1);
        assertThat(second).isEmpty();
    }

    private List<String> changeLate(String id) {
        UnitOfWorkHandle handle = sessionUnits.open(id);
        sessionUnits.closeDetached(handle);
        counter.increment();
        List<String> changedLate = sessionUnits.changedAfterWriteBack(handle);
        sessionUnits.detach(handle);
        return changedLate;
    }

    @Test
    void readingABeanAfterWriteBackIsNotReported() {
        String id = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle handle = sessionUnits.open(id);
        counter.increment();
        sessionUnits.closeDetached(handle);
        int seen = counter.value();
        var changedLate = sessionUnits.changedAfterWriteBack(handle);
        sessionUnits.detach(handle);

        assertThat(seen).isEqualTo(2);
        assertThat(changedLate).isEmpty();
    }
}
