package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.SessionDetails;
import dev.tether.SessionSummary;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.Counter;
import dev.tether.support.Logins;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** What an operator sees: every live session, page by page, and one session's bean keys with their sizes. */
@EnableWeld
@RunsOnEveryDatabase
class OperatorViewTest {

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

    private List<String> everyHandlePageByPage(int pageSize) {
        List<String> all = new ArrayList<>();
        String after = null;
        List<SessionSummary> page;
        do {
            page = sessions.findSummaries(after, pageSize);
            assertThat(page).hasSizeLessThanOrEqualTo(pageSize);
            page.forEach(summary -> all.add(summary.session().handle()));
            after = page.isEmpty() ? null : page.get(page.size() - 1).session().handle();
        } while (page.size() == pageSize);
        return all;
    }

    @Test
    void thePagesListEveryLiveSessionOnceInTheOrderOfTheirHandles() {
        List<String> handles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            handles.add(handleOf(logins.loggedIn(i % 2 == 0 ? "alice" : "bob", "n" + i)));
        }

        List<String> listed = everyHandlePageByPage(2);

        assertThat(listed).containsExactlyElementsOf(handles.stream().sorted().toList());
    }

    @Test
    void aListedSessionSaysHowMuchItStores() {
        String id = units.run(null, () -> {
            basket.setFoo("x".repeat(1000));
            counter.increment();
        }).idToSend().orElseThrow();

        SessionSummary listed = sessions.findSummaries(null, 10).get(0);

        assertThat(listed.session().handle()).isEqualTo(handleOf(id));
        assertThat(listed.beanCount()).isEqualTo(2);
        assertThat(listed.storedBytes()).isGreaterThan(1000);
        assertThat(listed.session().principal()).isEmpty();
    }

    @Test
    void expiredSessionsAreNotListed() {
        logins.loggedIn("alice", "old");
        storage.clockControl().advance(Duration.ofDays(60));
        String fresh = logins.loggedIn("alice", "new");

        assertThat(sessions.findSummaries(null, 10)).extracting(summary -> summary.session().handle())
                .containsExactly(handleOf(fresh));
    }

    @Test
    void aPageNeedsRoomForOneSession() {
        assertThatThrownBy(() -> sessions.findSummaries(null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneSessionShowsItsBeanKeysWithTheirSizesButNotTheirContentsNorItsId() {
        String id = units.run(null, () -> {
            session.setPrincipal("alice");
            basket.setFoo("contents-" + "y".repeat(500));
            counter.increment();
        }).idToSend().orElseThrow();

        SessionDetails details = sessions.findByHandle(handleOf(id)).orElseThrow();

        assertThat(details.session()).isEqualTo(sessions.find(id).orElseThrow());
        assertThat(details.beanBytes()).hasSize(2);
        assertThat(details.beanBytes().keySet()).anyMatch(key -> key.contains(Basket.class.getName()))
                .anyMatch(key -> key.contains(Counter.class.getName()));
        assertThat(details.beanBytes().values()).allMatch(size -> size > 0);
        assertThat(details.beanBytes().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(sessions.findSummariesByPrincipal("alice").get(0).storedBytes());
        assertThat(details.toString()).doesNotContain(id).doesNotContain("contents-");
    }

    @Test
    void noSessionIsFoundByTheHandleOfAnEndedOrExpiredOneOrByAnythingElse() {
        String ended = logins.loggedIn("alice", "ended");
        String endedHandle = handleOf(ended);
        sessions.invalidateByHandle(endedHandle);
        String expiredHandle = handleOf(logins.loggedIn("alice", "expired"));
        storage.clockControl().advance(Duration.ofDays(60));

        assertThat(sessions.findByHandle(endedHandle)).isEmpty();
        assertThat(sessions.findByHandle(expiredHandle)).isEmpty();
        assertThat(sessions.findByHandle("no-such-session")).isEmpty();
        assertThat(sessions.findByHandle("x".repeat(10_000))).isEmpty();
        assertThat(sessions.findByHandle(null)).isEmpty();
    }
}
