package dev.tether.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.context.SessionUnits;
import dev.tether.context.UnitOfWorkHandle;
import dev.tether.context.WriteBack;
import dev.tether.fixtures.Basket;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/** tether.rotate-on-login (on by default): a change of principal gives the session a new ID. */
@EnableWeld
class RotateOnLoginTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    SessionUnits sessionUnits;
    @Inject
    Basket basket;
    @Inject
    PersistentSession session;
    @Inject
    PersistentSessions sessions;

    private String anonymousSession() {
        return units.run(null, () -> basket.setFoo("planted")).idToSend().orElseThrow();
    }

    /** A unit as a request whose container authenticated {@code caller} would open it. */
    private WriteBack asCaller(String id, Supplier<String> caller, Runnable work) {
        UnitOfWorkHandle handle = sessionUnits.open(id, caller);
        work.run();
        return sessionUnits.close(handle);
    }

    @Test
    void setPrincipalWithANewNameRotatesTheIdAndTheOldIdFindsNothing() {
        String planted = anonymousSession();

        WriteBack login = units.run(planted, () -> session.setPrincipal("alice"));

        String fresh = login.idToSend().orElseThrow(() -> new AssertionError("no new ID after the login"));
        assertThat(fresh).isNotEqualTo(planted);
        assertThat(sessions.find(planted)).isEmpty();
        assertThat(units.run(fresh, () -> basket.getFoo()).value()).isEqualTo("planted");
    }

    @Test
    void setPrincipalWithTheSameNameKeepsTheId() {
        String id = units.run(null, () -> session.setPrincipal("alice")).idToSend().orElseThrow();

        WriteBack again = units.run(id, () -> session.setPrincipal("alice"));

        assertThat(again.idToSend()).isEmpty();
        assertThat(sessions.find(id)).isPresent();
    }

    @Test
    void aDifferentUserOnTheSameSessionRotatesTheId() {
        String alices = units.run(null, () -> session.setPrincipal("alice")).idToSend().orElseThrow();

        WriteBack bob = units.run(alices, () -> session.setPrincipal("bob"));

        assertThat(bob.idToSend()).isPresent().get().isNotEqualTo(alices);
        assertThat(sessions.find(alices)).isEmpty();
    }

    @Test
    void theIdSeenInsideTheUnitAfterTheLoginIsTheNewOne() {
        String planted = anonymousSession();

        Units.Result<String> result = units.run(planted, () -> {
            session.setPrincipal("alice");
            return session.id();
        });

        assertThat(result.value()).isEqualTo(result.sentId()).isNotEqualTo(planted);
    }

    @Test
    void aRequestAuthenticatedAsSomeoneElseThanTheStoredPrincipalRotatesAndRecordsTheCaller() {
        String planted = anonymousSession();

        WriteBack request = asCaller(planted, () -> "alice", () -> basket.getFoo());

        String fresh = request.idToSend().orElseThrow(() -> new AssertionError("no new ID for the authenticated caller"));
        assertThat(sessions.find(planted)).isEmpty();
        assertThat(sessions.find(fresh)).flatMap(info -> info.principal()).contains("alice");
    }

    @Test
    void aLoginDuringTheRequestCountsWhenTheUnitIsWrittenBack() {
        String planted = anonymousSession();
        String[] caller = {null};

        WriteBack request = asCaller(planted, () -> caller[0], () -> {
            basket.getFoo();
            caller[0] = "alice";
        });

        assertThat(request.idToSend()).isPresent().get().isNotEqualTo(planted);
        assertThat(sessions.findByPrincipal("alice")).hasSize(1);
    }

    @Test
    void aRequestAuthenticatedAsTheStoredPrincipalKeepsTheId() {
        String id = units.run(null, () -> session.setPrincipal("alice")).idToSend().orElseThrow();

        WriteBack request = asCaller(id, () -> "alice", () -> basket.getFoo());

        assertThat(request.idToSend()).isEmpty();
        assertThat(sessions.find(id)).isPresent();
    }

    @Test
    void anAnonymousRequestKeepsTheApplicationsOwnPrincipal() {
        String id = units.run(null, () -> session.setPrincipal("alice")).idToSend().orElseThrow();

        WriteBack request = asCaller(id, () -> null, () -> basket.getFoo());

        assertThat(request.idToSend()).isEmpty();
        assertThat(units.run(id, () -> session.principal()).value()).isEqualTo(Optional.of("alice"));
    }

    @Test
    void anAuthenticatedRequestThatStoresNothingCreatesNoSession() {
        WriteBack request = asCaller(null, () -> "alice", () -> basket.getFoo());

        assertThat(request.idToSend()).isEmpty();
        assertThat(sessions.count()).isZero();
    }

    @Test
    void aNewSessionOfAnAuthenticatedCallerIsStoredWithItsPrincipal() {
        WriteBack request = asCaller(null, () -> "alice", () -> basket.setFoo("cart"));

        assertThat(sessions.find(request.idToSend().orElseThrow())).flatMap(info -> info.principal()).contains("alice");
    }
}
