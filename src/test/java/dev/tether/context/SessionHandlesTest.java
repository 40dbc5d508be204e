package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.SessionSummary;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.Counter;
import dev.tether.support.TestStorage;
import dev.tether.support.Logins;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** An account page's view of a user's sessions, and ending one of them by its handle. */
@EnableWeld
@RunsOnEveryDatabase
class SessionHandlesTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(Logins.class);

    @Inject
    Units units;
    @Inject
    Logins logins;
    @Inject
    Basket basket;
    @Inject
    Counter counter;
    @Inject
    PersistentSession session;
    @Inject
    PersistentSessions sessions;
    @Inject
    TestStorage storage;

    private String handleOf(String id) {
        return sessions.find(id).orElseThrow().handle();
    }

    @Test
    void theSummariesListThePrincipalsSessionsOldestFirstWithTheirTimes() {
        String laptop = logins.loggedIn("alice", "one");
        String phone = logins.loggedIn("alice", "two");
        logins.loggedIn("bob", "three");

        List<SessionSummary> listed = sessions.findSummariesByPrincipal("alice");

        assertThat(listed).extracting(summary -> summary.session().handle())
                .containsExactly(handleOf(laptop), handleOf(phone));
        assertThat(listed.get(0).session()).isEqualTo(sessions.find(laptop).orElseThrow());
        assertThat(listed.get(1).session().createdAt()).isAfter(listed.get(0).session().createdAt());
    }

    @Test
    void aSummaryCountsTheBeansAndTheBytesTheSessionStores() throws SQLException {
        String id = units.run(null, () -> {
            session.setPrincipal("alice");
            basket.setFoo("x".repeat(1000));
            counter.increment();
        }).idToSend().orElseThrow();

        SessionSummary summary = sessions.findSummariesByPrincipal("alice").get(0);

        assertThat(summary.beanCount()).isEqualTo(2);
        assertThat(summary.storedBytes()).isGreaterThan(1000).isEqualTo(storedBytes(handleOf(id)));
    }

    @Test
    void onlyTheCallersOwnSessionIsMarkedCurrent() {
        logins.loggedIn("alice", "laptop");
        String phone = logins.loggedIn("alice", "phone");

        List<SessionSummary> seenFromThePhone = units.run(phone, () -> sessions.findSummariesByPrincipal("alice"))
                .value();

        assertThat(seenFromThePhone).extracting(SessionSummary::current).containsExactly(false, true);
        assertThat(sessions.findSummariesByPrincipal("alice")).noneMatch(SessionSummary::current);
    }

    @Test
    void noSummaryCarriesTheSessionId() {
        String id = logins.loggedIn("alice", "one");

        SessionSummary summary = sessions.findSummariesByPrincipal("alice").get(0);

        assertThat(summary.toString()).doesNotContain(id);
    }

    @Test
    void endingASessionByItsHandleEndsThatOneAndNoOther() {
        String laptop = logins.loggedIn("alice", "laptop");
        String phone = logins.loggedIn("alice", "phone");
        String tablet = logins.loggedIn("alice", "tablet");
        int destroyedBefore = Basket.DESTROYED.get();

        boolean ended = units.run(laptop, () -> sessions.invalidateByHandle(handleOf(phone), "alice")).value();

        assertThat(ended).isTrue();
        assertThat(Basket.DESTROYED.get()).isEqualTo(destroyedBefore + 1);
        assertThat(sessions.find(phone)).isEmpty();
        assertThat(units.run(laptop, () -> basket.getFoo()).value()).isEqualTo("laptop");
        assertThat(units.run(tablet, () -> basket.getFoo()).value()).isEqualTo("tablet");
        assertThat(units.run(phone, () -> basket.getFoo()).value()).isNull();
    }

    @Test
    void theHandleOfAnEndedSessionEndsNothingAndIsNoError() {
        String phone = logins.loggedIn("alice", "phone");
        String handle = handleOf(phone);
        sessions.invalidateByHandle(handle);

        assertThat(sessions.invalidateByHandle(handle)).isFalse();
        assertThat(sessions.invalidateByHandle(handle, "alice")).isFalse();
    }

    @Test
    void aHandleThatNamesNoSessionEndsNothing() {
        logins.loggedIn("alice", "phone");

        assertThat(sessions.invalidateByHandle("no-such-session")).isFalse();
        assertThat(sessions.invalidateByHandle("x".repeat(10_000))).isFalse();
        assertThat(sessions.invalidateByHandle(null)).isFalse();
        assertThat(sessions.count()).isEqualTo(1);
    }

    @Test
    void anExpiredSessionIsNotEndedAgain() {
        String phone = logins.loggedIn("alice", "phone");
        String handle = handleOf(phone);
        storage.clockControl().advance(Duration.ofDays(60));

        assertThat(sessions.invalidateByHandle(handle)).isFalse();
    }

    @Test
    void aUserCannotEndAnotherUsersSessionWithItsHandle() {
        String bobs = logins.loggedIn("bob", "bob's");
        String alices = logins.loggedIn("alice", "alice's");

        boolean ended = units.run(alices, () -> sessions.invalidateByHandle(handleOf(bobs), "alice")).value();

        assertThat(ended).isFalse();
        assertThat(units.run(bobs, () -> basket.getFoo()).value()).isEqualTo("bob's");
    }

    @Test
    void endingTheCallersOwnSessionByItsHandleExpiresItsCookie() {
        String phone = logins.loggedIn("alice", "phone");

        Units.Result<Boolean> result = units.run(phone, () -> sessions.invalidateByHandle(handleOf(phone), "alice"));

        assertThat(result.value()).isTrue();
        assertThat(result.writeBack().expireClient()).isTrue();
        assertThat(sessions.find(phone)).isEmpty();
    }

    private long storedBytes(String handle) throws SQLException {
        try (Connection connection = storage.uncounted().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT SUM(OCTET_LENGTH(state_bytes)) FROM tether_bean WHERE session_pk = ?")) {
            query.setString(1, handle);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
