package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.logging.Level;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.fixtures.Counter;
import dev.tether.fixtures.jsonb.Couple;
import dev.tether.spi.UnwritableStateException;
import dev.tether.support.EverythingLogged;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/**
 * A JSON-B bean whose fields hold a back-reference (a cycle) cannot be written: the request's write fails as a whole
 * with an {@link UnwritableStateException} that says so, and what the session held before stays as it was.
 */
@EnableWeld
class JsonbCycleTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(Couple.class);

    @Inject
    Units units;
    @Inject
    Couple couple;
    @Inject
    Counter counter;

    @Test
    void aBackReferenceFailsTheWriteNamingTheBeanAndTheCycle() {
        String id = units.run(null, () -> counter.increment()).sentId();

        assertThatThrownBy(() -> units.run(id, () -> {
            counter.increment();
            couple.marry("ada", "bob");
        })).isInstanceOf(UnwritableStateException.class).hasMessageContaining(Couple.class.getName())
                .hasMessageContaining("back-reference");
    }

    @Test
    void aBackReferenceStoresNothingOfTheRequestAndKeepsWhatWasStoredBefore() {
        String id = units.run(null, () -> {
            counter.increment();
            couple.meet("ada", "bob");
        }).idToSend().orElseThrow();

        try (EverythingLogged log = EverythingLogged.during()) {
            assertThatThrownBy(() -> units.run(id, () -> {
                counter.increment();
                couple.marry("cy", "di");
            })).isInstanceOf(UnwritableStateException.class);

            assertThat(log.atOrAbove(Level.WARNING)).isEmpty();
        }
        assertThat(units.run(id, () -> counter.value() + " " + couple.names()).value()).isEqualTo("1 ada+bob");
    }
}
