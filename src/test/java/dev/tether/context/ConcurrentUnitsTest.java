package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.SessionConflictException;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.Counter;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/**
 * Two units of one session that overlap, interleaved by hand on one thread: each works on its own copy, and
 * the version check decides at write-back.
 */
@EnableWeld
@RunsOnEveryDatabase
class ConcurrentUnitsTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    SessionUnits sessionUnits;
    @Inject
    Basket basket;
    @Inject
    Counter counter;

    @Test
    void theLaterWriterOfTheSameBeanGetsAConflictAndWritesNothing() {
        String id = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle first = sessionUnits.open(id);
        counter.increment();
        UnitOfWorkHandle second = sessionUnits.open(id);
        counter.increment();
        basket.setFoo("from the loser");
        sessionUnits.close(second);

        assertThatThrownBy(() -> sessionUnits.close(first)).isInstanceOf(SessionConflictException.class);
        assertThat(units.run(id, () -> counter.value()).value()).isEqualTo(2);
    }

    @Test
    void allOrNothingTheLoserKeepsNoneOfItsChanges() {
        String id = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle first = sessionUnits.open(id);
        counter.increment();
        basket.setFoo("lost with the conflict");
        UnitOfWorkHandle second = sessionUnits.open(id);
        counter.increment();
        sessionUnits.close(second);

        assertThatThrownBy(() -> sessionUnits.close(first)).isInstanceOf(SessionConflictException.class);
        assertThat(units.run(id, () -> basket.getFoo()).value()).isNull();
    }

    @Test
    void changesToDifferentBeansByOverlappingUnitsBothPersist() {
        String id = units.run(null, () -> {
            counter.increment();
            basket.setFoo("start");
        }).idToSend().orElseThrow();

        UnitOfWorkHandle first = sessionUnits.open(id);
        counter.increment();
        UnitOfWorkHandle second = sessionUnits.open(id);
        basket.setFoo("changed");
        sessionUnits.close(second);
        sessionUnits.close(first);

        assertThat(units.run(id, () -> counter.value() + "/" + basket.getFoo()).value()).isEqualTo("2/changed");
    }
}
