package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.PersistentSessions;
import dev.tether.PurgeResult;
import dev.tether.SessionInfo;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.SessionEventLog;
import dev.tether.spi.SessionStore;
import dev.tether.support.SystemSettings;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** Expired sessions go in bounded batches, live ones stay, and live requests go on meanwhile. */
@EnableWeld
@RunsOnEveryDatabase
class PurgeTest {

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of(
            "tether.idle-timeout", "PT30M", "tether.purge.batch-size", "100"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(SessionEventLog.class);

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    PersistentSessions sessions;
    @Inject
    TestStorage storage;
    @Inject
    SessionEventLog events;
    @Inject
    SessionUnits sessionUnits;

    private List<String> storeSessions(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(units.run(null, () -> basket.setFoo("x")).idToSend().orElseThrow());
        }
        return ids;
    }

    @Test
    void expiredSessionsAreDeletedInBatchesAndLiveOnesStay() {
        storeSessions(350);
        storage.clockControl().advance(Duration.ofMinutes(31));
        List<String> live = storeSessions(20);

        PurgeResult result = sessions.purgeExpired();

        System.out.println("purge on H2: " + result);
        assertThat(result.ranHere()).isTrue();
        assertThat(result.sessions()).isEqualTo(350);
        assertThat(result.batches()).isEqualTo(4);
        assertThat(sessions.count()).isEqualTo(20);
        assertThat(live).allMatch(id -> sessions.find(id).isPresent());
        assertThat(events.destroyed()).hasSize(350);
    }

    @Test
    void onlyTheSessionsThisPurgeDeletedAreAnnouncedAsDestroyed() {
        storeSessions(10);
        storage.clockControl().advance(Duration.ofMinutes(31));
        List<String> purgedElsewhere = new ArrayList<>();
        // between finding the expired sessions and deleting them, another node's purge deletes four of them
        storage.statements().interleave("SELECT s.session_pk", () -> purgedElsewhere.addAll(deleteOldest(4)));

        PurgeResult result = sessions.purgeExpired();

        assertThat(purgedElsewhere).hasSize(4);
        assertThat(result.sessions()).isEqualTo(6);
        assertThat(events.destroyed()).hasSize(6).extracting(SessionInfo::handle).doesNotContainAnyElementsOf(
                purgedElsewhere);
        assertThat(sessions.count()).isZero();
    }

    private List<String> deleteOldest(int count) {
        try (Connection connection = storage.uncounted().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            List<String> pks = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT session_pk FROM tether_session ORDER BY expires_at")) {
                while (rows.next() && pks.size() < count) {
                    pks.add(rows.getString(1));
                }
            }
            for (String pk : pks) {
                statement.executeUpdate("DELETE FROM tether_session WHERE session_pk = '" + pk + "'");
            }
            return pks;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void liveRequestsDoNotFailWhileAPurgeRuns() throws InterruptedException {
        storeSessions(500);
        storage.clockControl().advance(Duration.ofMinutes(31));
        List<String> live = storeSessions(5);
        AtomicBoolean purging = new AtomicBoolean(true);
        CountDownLatch trafficRuns = new CountDownLatch(1);

        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            while (purging.get()) {
                for (String id : live) {
                    units.run(id, () -> basket.getNames().add("during purge"));
                    trafficRuns.countDown();
                }
            }
        });
        // on a busy machine the purge could otherwise be over before the first live request starts
        assertThat(trafficRuns.await(30, TimeUnit.SECONDS)).isTrue();
        PurgeResult result = sessions.purgeExpired();
        purging.set(false);
        traffic.join();

        assertThat(result.sessions()).isEqualTo(500);
        assertThat(live).allMatch(id -> sessions.find(id).isPresent());
    }

    @Test
    void aNodeWhoseLeaseIsCurrentKeepsThePurgeToItself() {
        SessionStore store = sessionUnits.runtime().store();

        boolean first = store.acquireLease("purge", "node-a", 1_000, 61_000);
        boolean second = store.acquireLease("purge", "node-b", 2_000, 62_000);
        boolean afterExpiry = store.acquireLease("purge", "node-b", 61_001, 121_001);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(afterExpiry).isTrue();
    }
}
