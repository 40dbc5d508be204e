package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.fixtures.Counter;
import dev.tether.spi.StoredBean;
import dev.tether.support.CapturedLog;
import dev.tether.support.TetherWeld;

/** A unit's instances: decoded from a stored row, or new from the container, each with its dirty-check baseline. */
@EnableWeld
class InstanceBuilderTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    SessionUnits units;

    private final BeanInstances beans = new BeanInstances();

    @Test
    void aStoredRowIsDecodedAndKeptWithItsVersionAndItsEncodingAsLoaded() {
        Counter stored = new Counter();
        stored.increment();
        PersistentBean bean = counterBean();
        StoredBean row = new StoredBean(bean.key(), "java", units.runtime().lifecycle().encode(bean, stored), 5, 10);

        BeanInstances.Held held = builder().restore(bean, row, () -> "id");

        assertThat(((Counter) held.instance()).value()).isEqualTo(1);
        assertThat(held.version()).isEqualTo(5);
        assertThat(held.hasRow()).isTrue();
        assertThat(held.asLoaded()).isEqualTo(units.runtime().lifecycle().encode(bean, held.instance()));
        assertThat(beans.get(bean.key())).isSameAs(held);
    }

    @Test
    void aRowThatCannotBeReadIsWarnedAboutOnceAndGivesNoInstance() {
        PersistentBean bean = counterBean();
        StoredBean garbage = new StoredBean(bean.key(), "java", new byte[] {1, 2, 3}, 5, 3);
        InstanceBuilder builder = builder();

        try (CapturedLog log = CapturedLog.of(InstanceBuilder.class.getName())) {
            assertThat(builder.restore(bean, garbage, () -> "id")).isNull();
            assertThat(builder.restore(bean, garbage, () -> "id")).isNull();

            assertThat(log.warnings()).singleElement().asString().contains("cannot be read");
        }
        assertThat(beans.isUnreadable(bean.key())).isTrue();
    }

    @Test
    void aNewInstanceReplacingAStoredRowIsAlwaysWrittenAndOneWithoutARowOnlyOnceChanged() {
        PersistentBean bean = counterBean();
        StoredBean row = new StoredBean(bean.key(), "java", new byte[] {1}, 7, 1);

        BeanInstances.Held replacing = builder().create(bean, units.runtime().lifecycle().newCreationalContext(bean), row);
        beans.remove(bean.key());
        BeanInstances.Held brandNew = builder().create(bean, units.runtime().lifecycle().newCreationalContext(bean), null);

        assertThat(replacing.hasRow()).isTrue();
        assertThat(replacing.version()).isEqualTo(7);
        assertThat(replacing.asLoaded()).as("no baseline: always written").isNull();
        assertThat(brandNew.hasRow()).isFalse();
        assertThat(brandNew.asLoaded()).as("its encoding as created").isNotNull();
    }

    private InstanceBuilder builder() {
        return new InstanceBuilder(units.runtime(), beans);
    }

    private PersistentBean counterBean() {
        return units.runtime().registry().all().stream().filter(bean -> bean.stateType() == Counter.class)
                .findFirst().orElseThrow();
    }
}
