package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.fixtures.Counter;
import dev.tether.support.TetherWeld;

/** Which beans the application changed after write-back, told from their encoding at write-back. */
@EnableWeld
class LateChangesTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    SessionUnits units;

    private final LateChanges late = new LateChanges();
    private final BeanInstances beans = new BeanInstances();

    @Test
    void aBeanUsedAndChangedAfterWriteBackIsReportedOnce() {
        Counter counter = holdCounter();
        late.used(key());

        counter.increment();

        assertThat(late.changed(beans, lifecycle(), known -> false)).containsExactly(key());
        assertThat(late.changed(beans, lifecycle(), known -> known.equals(key()))).isEmpty();
    }

    @Test
    void aBeanUsedAfterWriteBackButLeftAsItWasIsNotReported() {
        holdCounter();

        late.used(key());

        assertThat(late.changed(beans, lifecycle(), known -> false)).isEmpty();
    }

    @Test
    void aChangeBeforeWriteBackIsNotLate() {
        Counter counter = holdCounter();
        counter.increment();
        late.writtenBack(WritePlan.encode(units.runtime(), beans));
        late.used(key());

        assertThat(late.changed(beans, lifecycle(), known -> false)).isEmpty();
    }

    @Test
    void aBeanChangedButNotReachedAfterWriteBackIsNotReported() {
        Counter counter = holdCounter();

        counter.increment();

        assertThat(late.changed(beans, lifecycle(), known -> false)).isEmpty();
    }

    private Counter holdCounter() {
        Counter counter = new Counter();
        PersistentBean bean = units.runtime().registry().byKey(key()).orElseThrow();
        beans.put(new BeanInstances.Held(bean, counter, null, lifecycle().encode(bean, counter), 0, false));
        return counter;
    }

    private String key() {
        return units.runtime().registry().all().stream().filter(bean -> bean.stateType() == Counter.class)
                .findFirst().orElseThrow().key();
    }

    private BeanLifecycle lifecycle() {
        return units.runtime().lifecycle();
    }
}
