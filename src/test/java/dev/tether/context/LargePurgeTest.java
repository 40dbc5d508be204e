package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.PersistentSessions;
import dev.tether.PurgeResult;
import dev.tether.fixtures.Basket;
import dev.tether.support.SystemSettings;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;
import dev.tether.support.db.TestDatabase;

/**
 * The purge at production scale, on the real servers (skipped on the in-memory H2 of the default run):
 * 100,000 expired sessions and 1,000 live ones, purged while live requests go on.
 */
@EnableWeld
@RunsOnEveryDatabase
class LargePurgeTest {

    private static final int EXPIRED = 100_000;
    private static final int LIVE = 1_000;

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of("tether.idle-timeout", "PT30M"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    PersistentSessions sessions;
    @Inject
    TestStorage storage;

    @Test
    void oneHundredThousandExpiredSessionsArePurgedWhileLiveRequestsContinue() throws SQLException {
        String database = System.getProperty(TestDatabase.PROPERTY, "h2");
        assumeFalse(database.equals("h2"), "runs on the real database servers only");
        byte[] basketState = storedBasketState();
        long now = storage.clockControl().millis();
        insertSessions(EXPIRED, now - 3_600_000, basketState);
        List<String> live = insertSessions(LIVE, now + 3_600_000, basketState);
        AtomicBoolean purging = new AtomicBoolean(true);
        AtomicInteger liveRequests = new AtomicInteger();
        AtomicInteger failedRequests = new AtomicInteger();

        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            for (int i = 0; purging.get(); i = (i + 1) % 50) {
                try {
                    String id = live.get(i);
                    units.run(id, () -> basket.getNames().add("during the purge"));
                    liveRequests.incrementAndGet();
                } catch (RuntimeException e) {
                    failedRequests.incrementAndGet();
                }
            }
        });
        PurgeResult result = sessions.purgeExpired();
        purging.set(false);
        traffic.join();

        System.out.printf("purge on %s: %d expired sessions in %d batches, %d ms; %d live requests meanwhile%n",
                database, result.sessions(), result.batches(), result.took().toMillis(), liveRequests.get());
        assertThat(result.sessions()).isEqualTo(EXPIRED);
        assertThat(failedRequests.get()).isZero();
        assertThat(liveRequests.get()).isPositive();
        assertThat(sessions.count()).isEqualTo(LIVE + 1);
        assertThat(live).allMatch(id -> sessions.find(id).isPresent());
    }

    /** A real Basket's bytes, stored once through Tether, to copy into the rows inserted in bulk. */
    private byte[] storedBasketState() throws SQLException {
        units.run(null, () -> basket.setFoo("template"));
        try (Connection c = storage.uncounted().getConnection();
             PreparedStatement query = c.prepareStatement("SELECT state_bytes FROM tether_bean");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getBytes(1);
        }
    }

    /** Inserts sessions with one Basket each, in JDBC batches: minutes faster than a unit of work per session. */
    private List<String> insertSessions(int count, long expiresAt, byte[] state) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = storage.uncounted().getConnection();
             PreparedStatement session = c.prepareStatement("INSERT INTO tether_session (session_pk, id_hash, "
                     + "created_at, last_accessed_at, expires_at, idle_timeout_ms, absolute_expires_at, principal) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL)");
             PreparedStatement bean = c.prepareStatement("INSERT INTO tether_bean (session_pk, bean_key, codec, "
                     + "state_bytes, state_version) VALUES (?, ?, 'java', ?, 1)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String id = SessionIds.generate();
                String pk = UUID.randomUUID().toString();
                ids.add(id);
                session.setString(1, pk);
                session.setString(2, SessionIds.hash(id));
                session.setLong(3, expiresAt - 7_200_000);
                session.setLong(4, expiresAt - 1_800_000);
                session.setLong(5, expiresAt);
                session.setLong(6, 1_800_000);
                session.setLong(7, expiresAt + 86_400_000);
                session.addBatch();
                bean.setString(1, pk);
                bean.setString(2, Basket.class.getName());
                bean.setBytes(3, state);
                bean.addBatch();
                if (i % 1_000 == 999 || i == count - 1) {
                    session.executeBatch();
                    bean.executeBatch();
                    c.commit();
                }
            }
        }
        return ids;
    }
}
