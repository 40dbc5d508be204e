package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.SessionEnded;
import dev.tether.SessionEnded.Reason;
import dev.tether.SessionIdChanged;
import dev.tether.SessionIdChanged.Cause;
import dev.tether.SessionInfo;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.SessionAuditLog;
import dev.tether.fixtures.SessionEventLog;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/**
 * Why a session ended and when its ID changed, as an observer sees it; the {@code @Destroyed} observers of before
 * see every end as they did.
 */
@EnableWeld
class SessionEndReasonsTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(SessionAuditLog.class, SessionEventLog.class);

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    PersistentSession session;
    @Inject
    PersistentSessions sessions;
    @Inject
    SessionAuditLog audit;
    @Inject
    SessionEventLog lifecycle;
    @Inject
    TestStorage storage;

    private String storedSession(String principal) {
        return units.run(null, () -> {
            if (principal != null) {
                session.setPrincipal(principal);
            }
            basket.setFoo("stored");
        }).idToSend().orElseThrow();
    }

    private String handleOf(String id) {
        return sessions.find(id).orElseThrow().handle();
    }

    @Test
    void invalidateEndsTheSessionAsInvalidated() {
        String id = storedSession("alice");
        String handle = handleOf(id);

        units.run(id, session::invalidate);

        assertThat(audit.ended()).singleElement().satisfies(ended -> {
            assertThat(ended.reason()).isEqualTo(Reason.INVALIDATED);
            assertThat(ended.session().handle()).isEqualTo(handle);
            assertThat(ended.session().principal()).contains("alice");
        });
    }

    @Test
    void thePurgeEndsAnExpiredSessionAsExpired() {
        String handle = handleOf(storedSession(null));
        storage.clockControl().advance(Duration.ofDays(60));

        sessions.purgeExpired();

        assertThat(audit.ended()).extracting(SessionEnded::reason).containsExactly(Reason.EXPIRED);
        assertThat(audit.ended().get(0).session().handle()).isEqualTo(handle);
    }

    @Test
    void endingASessionByItsHandleEndsItAsAnOperatorsAct() {
        String handle = handleOf(storedSession("alice"));

        sessions.invalidateByHandle(handle);

        assertThat(audit.ended()).extracting(SessionEnded::reason).containsExactly(Reason.OPERATOR);
    }

    @Test
    void loggingOutEverywhereEndsEachSessionAsEverywhereTheCallersOwnToo() {
        storedSession("alice");
        String own = storedSession("alice");

        units.run(own, () -> sessions.invalidateAll("alice"));

        assertThat(audit.ended()).extracting(SessionEnded::reason).containsExactly(Reason.EVERYWHERE,
                Reason.EVERYWHERE);
    }

    @Test
    void theDestroyedObserversSeeEachEndOnceAsBefore() {
        String invalidated = storedSession("alice");
        String byHandle = storedSession("alice");
        storedSession("bob");
        units.run(invalidated, session::invalidate);
        sessions.invalidateByHandle(handleOf(byHandle));
        sessions.invalidateAll("bob");

        assertThat(lifecycle.destroyed()).hasSize(3);
        assertThat(lifecycle.destroyed()).extracting(SessionInfo::handle)
                .containsExactlyElementsOf(audit.ended().stream().map(ended -> ended.session().handle()).toList());
    }

    @Test
    void rotatingTheIdIsAnnouncedWithTheHandleAndNeitherId() {
        String oldId = storedSession("alice");
        String handle = handleOf(oldId);

        String newId = units.run(oldId, session::rotateId).value();

        assertThat(audit.idChanges()).singleElement().satisfies(changed -> {
            assertThat(changed.cause()).isEqualTo(Cause.ROTATED);
            assertThat(changed.session().handle()).isEqualTo(handle);
            assertThat(changed.toString()).doesNotContain(oldId).doesNotContain(newId);
        });
    }

    @Test
    void aLoginIntoAStoredSessionIsAnnouncedAsAPrincipalChange() {
        String id = storedSession(null);
        String handle = handleOf(id);

        units.run(id, () -> session.setPrincipal("alice"));

        assertThat(audit.idChanges()).singleElement().satisfies(changed -> {
            assertThat(changed.cause()).isEqualTo(Cause.PRINCIPAL_CHANGED);
            assertThat(changed.session().handle()).isEqualTo(handle);
            assertThat(changed.session().principal()).contains("alice");
        });
    }

    @Test
    void aLoginThatAlsoRotatesIsOnePrincipalChange() {
        String id = storedSession(null);

        units.run(id, () -> {
            session.setPrincipal("alice");
            session.rotateId();
        });

        assertThat(audit.idChanges()).extracting(SessionIdChanged::cause).containsExactly(Cause.PRINCIPAL_CHANGED);
    }

    @Test
    void aNewSessionHasNoIdToChange() {
        storedSession("alice");

        assertThat(audit.idChanges()).isEmpty();
    }

    @Test
    void aRequestThatKeepsItsIdAnnouncesNothing() {
        String id = storedSession("alice");

        units.run(id, () -> basket.setFoo("changed"));

        assertThat(audit.idChanges()).isEmpty();
        assertThat(audit.ended()).isEmpty();
    }
}
