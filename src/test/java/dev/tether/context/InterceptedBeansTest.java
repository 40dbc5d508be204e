package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.sql.Connection;
import java.sql.ResultSet;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.fixtures.intercepted.AuditInterceptor;
import dev.tether.fixtures.intercepted.AuditedCounter;
import dev.tether.fixtures.intercepted.CallLog;
import dev.tether.fixtures.intercepted.CountingTallyDecorator;
import dev.tether.fixtures.intercepted.PersistentTally;
import dev.tether.fixtures.intercepted.Tally;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/**
 * Beans with interceptors or decorators keep their state: what is stored is the bean's own fields, and each
 * unit gets an instance the container built, with its interceptors and decorators.
 */
@EnableWeld
class InterceptedBeansTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(AuditedCounter.class, AuditInterceptor.class, CallLog.class,
            PersistentTally.class, CountingTallyDecorator.class);

    @Inject
    Units units;
    @Inject
    AuditedCounter counter;
    @Inject
    Tally tally;
    @Inject
    CallLog log;
    @Inject
    TestStorage storage;

    @Test
    void anInterceptedBeanCountsOneTwoThreeAndItsInterceptorRunsOnEachCall() {
        String id = units.run(null, () -> counter.increment()).sentId();

        int second = units.run(id, () -> counter.increment()).value();
        int third = units.run(id, () -> counter.increment()).value();

        assertThat(second).isEqualTo(2);
        assertThat(third).isEqualTo(3);
        assertThat(log.count("audit:increment")).isEqualTo(3);
    }

    @Test
    void aReadBackInterceptedBeanKeepsItsTransientFieldsAsItsConstructorSetThem() {
        String id = units.run(null, () -> counter.increment()).sentId();

        String scratch = units.run(id, () -> counter.scratch()).value();

        assertThat(scratch).isEqualTo("built by its constructor");
    }

    @Test
    void theStoredStateIsTheBeanClassNotTheContainersSubclass() throws Exception {
        units.run(null, () -> counter.increment());

        Object stored;
        try (Connection connection = storage.uncounted().getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT state_bytes FROM tether_bean")) {
            row.next();
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(row.getBytes(1)))) {
                stored = in.readObject();
            }
        }

        assertThat(stored.getClass()).isEqualTo(AuditedCounter.class);
        assertThat(((AuditedCounter) stored).value()).isEqualTo(1);
    }

    @Test
    void aDecoratedBeanCountsAndItsDecoratorRunsOnEachCall() {
        String id = units.run(null, () -> tally.add(1)).sentId();

        int second = units.run(id, () -> tally.add(1)).value();
        int third = units.run(id, () -> tally.add(1)).value();

        assertThat(second).isEqualTo(2);
        assertThat(third).isEqualTo(3);
        assertThat(log.count("decorator:add")).isEqualTo(3);
    }
}
