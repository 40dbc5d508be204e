package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.SessionConflictException;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.Counter;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/**
 * A slow unit of a session overlapping with another that rotates its ID, logs in, or ends it: the slow unit's
 * write-back never brings the old ID back, never loses the new one or its principal, and never revives an ended
 * session. Interleaved by hand on one thread: the slow unit opens and changes a bean first, and is written back
 * last.
 */
@EnableWeld
@RunsOnEveryDatabase
class OverlappingUnitsTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    SessionUnits sessionUnits;
    @Inject
    PersistentSession session;
    @Inject
    PersistentSessions sessions;
    @Inject
    Basket basket;
    @Inject
    Counter counter;

    @Test
    void aSlowWriteAfterARotationKeepsTheNewIdAndItsOwnChange() {
        String oldId = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle slow = sessionUnits.open(oldId);
        basket.setFoo("from the slow request");
        String newId = units.run(oldId, () -> session.rotateId()).value();
        sessionUnits.close(slow);

        assertThat(sessions.find(oldId)).isEmpty();
        assertThat(units.run(newId, () -> basket.getFoo()).value()).isEqualTo("from the slow request");
        assertThat(units.run(newId, () -> counter.value()).value()).isEqualTo(1);
    }

    @Test
    void aSlowWriteAfterALoginKeepsTheNewIdAndThePrincipal() {
        String oldId = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle slow = sessionUnits.open(oldId);
        counter.increment();
        String newId = units.run(oldId, () -> {
            session.setPrincipal("alice");
            return session.id();
        }).value();
        sessionUnits.close(slow);

        assertThat(newId).isNotEqualTo(oldId);
        assertThat(sessions.find(oldId)).isEmpty();
        assertThat(sessions.find(newId).orElseThrow().principal()).contains("alice");
        assertThat(units.run(newId, () -> counter.value()).value()).isEqualTo(2);
    }

    @Test
    void aSlowWriteAfterALogoutDoesNotLogTheUserBackIn() {
        String loggedIn = units.run(null, () -> {
            session.setPrincipal("alice");
            return session.id();
        }).value();

        UnitOfWorkHandle slow = sessionUnits.open(loggedIn);
        counter.increment();
        String afterLogout = units.run(loggedIn, () -> {
            session.setPrincipal(null);
            return session.id();
        }).value();
        sessionUnits.close(slow);

        assertThat(sessions.find(loggedIn)).isEmpty();
        assertThat(sessions.find(afterLogout).orElseThrow().principal()).isEmpty();
        assertThat(sessions.findByPrincipal("alice")).isEmpty();
    }

    @Test
    void twoOverlappingRotationsLeaveOneNewIdAndTheOtherGetsAConflict() {
        String oldId = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle slow = sessionUnits.open(oldId);
        String lostId = session.rotateId();
        String wonId = units.run(oldId, () -> session.rotateId()).value();

        assertThatThrownBy(() -> sessionUnits.close(slow)).isInstanceOf(SessionConflictException.class);
        assertThat(sessions.find(lostId)).isEmpty();
        assertThat(sessions.find(oldId)).isEmpty();
        assertThat(sessions.find(wonId)).isPresent();
    }

    @Test
    void aSlowWriteAfterAnInvalidationIsAConflictAndTheSessionStaysEnded() {
        String id = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle slow = sessionUnits.open(id);
        counter.increment();
        units.run(id, () -> session.invalidate());

        assertThatThrownBy(() -> sessionUnits.close(slow)).isInstanceOf(SessionConflictException.class);
        assertThat(sessions.find(id)).isEmpty();
        assertThat(sessions.count()).isZero();
    }

    @Test
    void aSlowTouchAfterAnInvalidationRevivesNothing() {
        String id = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle slow = sessionUnits.open(id);
        session.setIdleTimeout(java.time.Duration.ofDays(90));
        units.run(id, () -> session.invalidate());

        assertThatThrownBy(() -> sessionUnits.close(slow)).isInstanceOf(SessionConflictException.class);
        assertThat(sessions.count()).isZero();
    }

    @Test
    void aSlowWriteAfterLogOutEverywhereIsAConflictAndRevivesNothing() {
        String laptop = units.run(null, () -> {
            session.setPrincipal("bob");
            counter.increment();
            return session.id();
        }).value();
        units.run(null, () -> session.setPrincipal("bob"));

        UnitOfWorkHandle slow = sessionUnits.open(laptop);
        counter.increment();
        units.run(null, () -> sessions.invalidateAll("bob"));

        assertThatThrownBy(() -> sessionUnits.close(slow)).isInstanceOf(SessionConflictException.class);
        assertThat(sessions.findByPrincipal("bob")).isEmpty();
        assertThat(sessions.count()).isZero();
    }

    @Test
    void aDestroyLosesToAnOverlappingUpdateOfTheSameBean() {
        String id = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle destroying = sessionUnits.open(id);
        counter.value();
        destroyCounter();
        units.run(id, () -> counter.increment());

        assertThatThrownBy(() -> sessionUnits.close(destroying)).isInstanceOf(SessionConflictException.class);
        assertThat(units.run(id, () -> counter.value()).value()).isEqualTo(2);
    }

    @Test
    void anUpdateLosesToAnOverlappingDestroyOfTheSameBean() {
        String id = units.run(null, () -> {
            counter.increment();
            basket.setFoo("kept");
        }).idToSend().orElseThrow();

        UnitOfWorkHandle updating = sessionUnits.open(id);
        counter.increment();
        units.run(id, this::destroyCounter);

        assertThatThrownBy(() -> sessionUnits.close(updating)).isInstanceOf(SessionConflictException.class);
        assertThat(units.run(id, () -> counter.value()).value()).isZero();
        assertThat(units.run(id, () -> basket.getFoo()).value()).isEqualTo("kept");
    }

    @Test
    void aLogoutBySetPrincipalNullSticksAgainstTheContainersCaller() {
        String id = units.run(null, () -> {
            session.setPrincipal("carol");
            return session.id();
        }).value();

        UnitOfWorkHandle loggingOut = sessionUnits.open(id, () -> "carol");
        session.setPrincipal(null);
        String afterLogout = sessionUnits.close(loggingOut).idToSend().orElseThrow();

        assertThat(sessions.find(afterLogout).orElseThrow().principal()).isEmpty();
        assertThat(sessions.findByPrincipal("carol")).isEmpty();
    }

    @Test
    void aCallerIsNotCarriedIntoAFreshSessionThatReplacedAnEndedOne() {
        String id = units.run(null, () -> {
            session.setPrincipal("dave");
            return session.id();
        }).value();
        units.run(id, () -> session.invalidate());

        UnitOfWorkHandle stale = sessionUnits.open(id, () -> "dave");
        counter.increment();
        Optional<String> newId = sessionUnits.close(stale).idToSend();

        assertThat(newId).isPresent();
        assertThat(sessions.find(newId.get()).orElseThrow().principal()).isEmpty();
        assertThat(sessions.findByPrincipal("dave")).isEmpty();
    }

    private void destroyCounter() {
        var manager = weld.getBeanManager();
        var bean = manager.resolve(manager.getBeans(Counter.class));
        ((jakarta.enterprise.context.spi.AlterableContext) manager.getContext(bean.getScope())).destroy(bean);
    }
}
