package dev.tether.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.PersistentSession;
import dev.tether.fixtures.Counter;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/** Where the application has a Micrometer registry, Tether's figures are in it, exact, under their documented names. */
@EnableWeld
class MicrometerMetersTest {

    /** What WildFly's micrometer subsystem gives a deployment: a registry bean. */
    static class Registry {

        @Produces
        @ApplicationScoped
        MeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(Registry.class);

    @Inject
    Units units;
    @Inject
    Counter counter;
    @Inject
    PersistentSession session;
    @Inject
    MeterRegistry registry;

    @Test
    void aKnownSequenceOfUnitsGivesExactCounts() {
        String id = units.run(null, () -> counter.increment()).sentId();   // created, 1 bean written
        units.run(id, () -> counter.value());                              // loaded, decoded
        units.run(id, () -> counter.increment());                          // loaded, decoded, 1 bean written
        units.run(id, () -> session.invalidate());                         // loaded, decoded, ended

        assertThat(count("tether.sessions.new")).isEqualTo(1);
        assertThat(count("tether.sessions.loaded")).isEqualTo(3);
        assertThat(count("tether.sessions.written")).isEqualTo(1);
        assertThat(count("tether.sessions.invalidated")).isEqualTo(1);
        assertThat(count("tether.beans.decoded")).isEqualTo(3);
        assertThat(count("tether.beans.written")).isEqualTo(2);
        assertThat(count("tether.beans.written.bytes")).isPositive();
        assertThat(count("tether.conflicts")).isZero();
        assertThat(count("tether.store.unavailable")).isZero();
        assertThat(registry.get("tether.session.loads").functionTimer().count()).isEqualTo(3);
        assertThat(registry.get("tether.session.loads").functionTimer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.get("tether.session.writes").functionTimer().count()).isEqualTo(2);
        assertThat(registry.get("tether.serialize.waits").functionTimer().count()).isZero();
    }

    @Test
    void everyFigureIsPublished() {
        assertThat(registry.getMeters()).hasSize(PublishedFigures.COUNTS.size() + PublishedFigures.TIMINGS.size());
    }

    private double count(String name) {
        return registry.get(name).functionCounter().count();
    }
}
