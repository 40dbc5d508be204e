package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.SessionInfo;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.BasketService;
import dev.tether.fixtures.SessionEventLog;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** How sessions begin and end: invalidate, rotateId, events, and the entry points that are not HTTP. */
@EnableWeld
@RunsOnEveryDatabase
class SessionLifecycleTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(SessionEventLog.class, BasketService.class);

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    PersistentSession session;
    @Inject
    PersistentSessions sessions;
    @Inject
    SessionEventLog events;

    private String storedSession() {
        return units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();
    }

    @Test
    void invalidateRunsPreDestroyDeletesTheDataAndTheOldIdFindsNothing() {
        String id = storedSession();
        int destroyedBefore = Basket.DESTROYED.get();

        var writeBack = units.run(id, session::invalidate);

        assertThat(Basket.DESTROYED.get()).isEqualTo(destroyedBefore + 1);
        assertThat(writeBack.expireClient()).isTrue();
        assertThat(sessions.find(id)).isEmpty();
        assertThat(units.run(id, () -> basket.getFoo()).value()).isNull();
    }

    @Test
    void afterInvalidateTheSameUnitStartsAFreshSessionWithANewId() {
        String id = storedSession();

        Units.Result<String> result = units.run(id, () -> {
            session.invalidate();
            basket.setFoo("again");
            return basket.getFoo();
        });

        assertThat(result.value()).isEqualTo("again");
        assertThat(result.sentId()).isNotEqualTo(id);
        assertThat(units.run(result.sentId(), () -> basket.getFoo()).value()).isEqualTo("again");
    }

    @Test
    void rotateIdKeepsTheDataUnderTheNewIdAndTheOldIdFindsNothing() {
        String oldId = storedSession();

        Units.Result<String> rotated = units.run(oldId, session::rotateId);

        assertThat(rotated.sentId()).isEqualTo(rotated.value()).isNotEqualTo(oldId);
        assertThat(units.run(rotated.value(), () -> basket.getFoo()).value()).isEqualTo("bar");
        assertThat(units.run(oldId, () -> basket.getFoo()).value()).isNull();
    }

    @Test
    void initializedIsFiredWhenASessionIsStoredAndDestroyedWhenItEnds() {
        String id = storedSession();
        assertThat(events.created()).hasSize(1);
        SessionInfo created = events.created().get(0);

        units.run(id, session::invalidate);

        assertThat(events.destroyed()).extracting(SessionInfo::handle).containsExactly(created.handle());
    }

    @Test
    void runInSessionWritesBackAtTheEndOfTheWork() throws Exception {
        String id = storedSession();

        sessions.runInSession(id, () -> basket.getNames().add("tom"));

        assertThat(units.run(id, () -> basket.getNames()).value()).containsExactly("tom");
    }

    @Test
    void runInSessionWithoutAnIdStartsASessionWhoseIdCanBeRead() throws Exception {
        String id = sessions.runInSession(null, () -> {
            basket.setFoo("from a job");
            return session.id();
        });

        assertThat(units.run(id, () -> basket.getFoo()).value()).isEqualTo("from a job");
    }

    @Test
    void theInterceptorBindingWritesBackAtTheEndOfTheMethod() {
        String id = storedSession();

        weld.select(BasketService.class).get().addName(id, "dick");

        assertThat(units.run(id, () -> basket.getNames()).value()).containsExactly("dick");
    }

    @Test
    void principalIsStoredAndFindsTheSessions() {
        String first = units.run(null, () -> session.setPrincipal("alice")).idToSend().orElseThrow();
        String second = units.run(null, () -> session.setPrincipal("alice")).idToSend().orElseThrow();
        units.run(null, () -> session.setPrincipal("bob"));

        assertThat(units.run(first, () -> session.principal()).value()).contains("alice");
        assertThat(sessions.findByPrincipal("alice")).hasSize(2);
        assertThat(sessions.count()).isEqualTo(3);
        assertThat(sessions.find(second)).map(SessionInfo::principal).contains(java.util.Optional.of("alice"));
    }

    @Test
    void invalidateAllEndsEverySessionOfThePrincipalAndRunsPreDestroy() {
        String first = units.run(null, () -> {
            session.setPrincipal("alice");
            basket.setFoo("one");
        }).idToSend().orElseThrow();
        String second = units.run(null, () -> {
            session.setPrincipal("alice");
            basket.setFoo("two");
        }).idToSend().orElseThrow();
        int destroyedBefore = Basket.DESTROYED.get();

        int ended = sessions.invalidateAll("alice");

        assertThat(ended).isEqualTo(2);
        assertThat(Basket.DESTROYED.get()).isEqualTo(destroyedBefore + 2);
        assertThat(List.of(sessions.find(first), sessions.find(second))).allMatch(java.util.Optional::isEmpty);
        assertThat(events.destroyed()).hasSize(2);
    }
}
