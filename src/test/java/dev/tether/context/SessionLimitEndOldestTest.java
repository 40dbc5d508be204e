package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.SessionEnded;
import dev.tether.SessionInfo;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.SessionAuditLog;
import dev.tether.support.SystemSettings;
import dev.tether.support.TestStorage;
import dev.tether.support.Logins;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** At most two sessions per principal; a third login ends the oldest. */
@EnableWeld
@RunsOnEveryDatabase
class SessionLimitEndOldestTest {

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of("tether.max-sessions-per-principal", "2"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(SessionAuditLog.class, Logins.class);

    @Inject
    Units units;
    @Inject
    Logins logins;
    @Inject
    SessionUnits sessionUnits;
    @Inject
    Basket basket;
    @Inject
    PersistentSession session;
    @Inject
    PersistentSessions sessions;
    @Inject
    SessionAuditLog audit;
    @Inject
    TestStorage storage;

    @Test
    void aLoginBeyondTheLimitEndsThePrincipalsOldestSession() {
        String laptop = logins.loggedIn("alice", "laptop");
        String laptopHandle = sessions.find(laptop).orElseThrow().handle();
        String phone = logins.loggedIn("alice", "phone");

        String tablet = logins.loggedIn("alice", "tablet");

        assertThat(sessions.findByPrincipal("alice")).extracting(SessionInfo::handle).containsExactly(
                sessions.find(phone).orElseThrow().handle(), sessions.find(tablet).orElseThrow().handle());
        assertThat(units.run(laptop, () -> basket.getFoo()).value()).isNull();
        assertThat(audit.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.reason()).isEqualTo(SessionEnded.Reason.PRINCIPAL_LIMIT);
            assertThat(ended.session().handle()).isEqualTo(laptopHandle);
        });
    }

    @Test
    void aLoginIntoAStoredAnonymousSessionCountsToo() {
        logins.loggedIn("alice", "laptop");
        logins.loggedIn("alice", "phone");
        String anonymous = units.run(null, () -> basket.setFoo("anonymous")).idToSend().orElseThrow();

        String afterLogin = units.run(anonymous, () -> session.setPrincipal("alice")).idToSend().orElseThrow();

        assertThat(sessions.findByPrincipal("alice")).hasSize(2);
        assertThat(units.run(afterLogin, () -> basket.getFoo()).value()).isEqualTo("anonymous");
    }

    @Test
    void requestsOfALoggedInSessionEndNothing() {
        String laptop = logins.loggedIn("alice", "laptop");
        logins.loggedIn("alice", "phone");

        units.run(laptop, () -> {
            session.setPrincipal("alice");
            basket.setFoo("still the laptop");
        });

        assertThat(sessions.findByPrincipal("alice")).hasSize(2);
        assertThat(audit.ended()).isEmpty();
    }

    @Test
    void anotherPrincipalsSessionsDoNotCount() {
        logins.loggedIn("bob", "bob's");
        logins.loggedIn("alice", "laptop");
        logins.loggedIn("alice", "phone");

        assertThat(sessions.findByPrincipal("bob")).hasSize(1);
        assertThat(sessions.findByPrincipal("alice")).hasSize(2);
    }

    @Test
    void twoOverlappingLoginsBeyondTheLimitLeaveTwoSessions() {
        String laptop = logins.loggedIn("alice", "laptop");
        UnitOfWorkHandle phone = sessionUnits.open(null);
        session.setPrincipal("alice");
        basket.setFoo("phone");
        storage.clockControl().advance(Duration.ofSeconds(1));
        String tablet = logins.loggedIn("alice", "tablet");
        String phoneId = sessionUnits.close(phone).idToSend().orElseThrow();

        assertThat(sessions.findByPrincipal("alice")).extracting(SessionInfo::handle).containsExactly(
                sessions.find(phoneId).orElseThrow().handle(), sessions.find(tablet).orElseThrow().handle());
        assertThat(sessions.find(laptop)).isEmpty();
    }
}
