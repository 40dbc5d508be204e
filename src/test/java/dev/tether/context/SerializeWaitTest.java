package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.SessionStoreUnavailableException;
import dev.tether.fixtures.Counter;
import dev.tether.support.SystemSettings;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/**
 * Under {@code serialize}, a request that cannot have its session's turn within {@code tether.serialize.wait} is
 * refused (a 503 over HTTP) on every database, whatever that database's own lock wait is (forever on PostgreSQL);
 * and the requests of one node that wait for one session are capped, and so are those that have or wait for any
 * session's turn, so they cannot take every pooled connection (the test pool has ten).
 */
@EnableWeld
@RunsOnEveryDatabase
class SerializeWaitTest {

    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final int MAX_WAITING = 2;
    private static final int MAX_PER_NODE = 4;

    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of(
            "tether.concurrency", "serialize",
            "tether.serialize.wait", WAIT.toString(),
            "tether.serialize.max-waiting", String.valueOf(MAX_WAITING),
            "tether.serialize.max-per-node", String.valueOf(MAX_PER_NODE)));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Counter counter;
    @Inject
    SessionUnits sessionUnits;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRequestThatWaitsLongerThanTheWaitIsRefusedSoonAfterIt() throws Exception {
        String id = units.run(null, () -> counter.increment()).sentId();
        Future<?> holder = holdTheTurnOf(id);

        long started = System.nanoTime();
        Future<Throwable> waiter = threads.submit(() -> {
            try {
                units.run(id, () -> counter.increment());
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        // bounded here, so a database that waits forever fails the test instead of hanging it
        Throwable refused = waiter.get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused).isInstanceOf(SessionStoreUnavailableException.class);
        // the wait is enforced in whole seconds, and the driver's timer fires a little late
        assertThat(waited).isBetween(WAIT.minusMillis(500), WAIT.plusSeconds(3));
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        assertThat(units.run(id, () -> counter.value()).value()).isEqualTo(2);
    }

    @Test
    void requestsPastTheCapAreRefusedAtOnceAndOtherSessionsStillGetConnections() throws Exception {
        String busy = units.run(null, () -> counter.increment()).sentId();
        String other = units.run(null, () -> counter.increment()).sentId();
        Future<?> holder = holdTheTurnOf(busy);

        int parallel = 12;
        AtomicInteger refused = new AtomicInteger();
        List<Future<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            requests.add(threads.submit(() -> {
                try {
                    units.run(busy, () -> counter.increment());
                    return true;
                } catch (SessionStoreUnavailableException e) {
                    refused.incrementAndGet();
                    return false;
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (refused.get() < parallel - MAX_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(refused.get()).as("refused at once, past the %d that may wait", MAX_WAITING)
                .isEqualTo(parallel - MAX_WAITING);

        // the busy session's waiters hold at most MAX_WAITING connections of ten: another session is served
        Future<Integer> elsewhere = threads.submit(() -> units.run(other, () -> counter.increment()).value());
        assertThat(elsewhere.get(WAIT.toSeconds() - 1, TimeUnit.SECONDS)).isEqualTo(2);

        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        int served = 0;
        for (Future<Boolean> request : requests) {
            served += request.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        // the admitted waiters are served once the holder lets go, unless a slow machine made them wait past WAIT
        assertThat(served + refused.get()).isEqualTo(parallel);
        assertThat(units.run(busy, () -> counter.value()).value()).isEqualTo(2 + served);
    }

    @Test
    void pastTheNodeCapARequestOfAnySessionIsRefusedAtOnceAndOneThatNeedsNoTurnIsServed() throws Exception {
        List<Future<?>> holders = new ArrayList<>();
        for (int i = 0; i < MAX_PER_NODE; i++) {
            // each session is made while the turns before it are held: on MariaDB that once waited for them
            holders.add(holdTheTurnOf(units.run(null, () -> counter.increment()).sentId()));
        }
        String another = units.run(null, () -> counter.increment()).sentId();

        long started = System.nanoTime();
        Future<Throwable> refused = threads.submit(() -> {
            try {
                units.run(another, () -> counter.increment());
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        Throwable failure = refused.get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        Future<String> fresh = threads.submit(() -> units.run(null, () -> counter.increment()).sentId());

        assertThat(failure).isInstanceOf(SessionStoreUnavailableException.class)
                .hasMessageContaining("tether.serialize.max-per-node");
        assertThat(waited).as("refused at once, not after the wait").isLessThan(WAIT);
        assertThat(fresh.get(WAIT.toSeconds() - 1, TimeUnit.SECONDS)).isNotNull();
        assertThat(sessionUnits.runtime().turns().insideOnNode()).isEqualTo(MAX_PER_NODE);
        release.countDown();
        for (Future<?> holder : holders) {
            holder.get(30, TimeUnit.SECONDS);
        }
        assertThat(sessionUnits.runtime().turns().insideOnNode()).isZero();
        assertThat(units.run(another, () -> counter.increment()).value()).isEqualTo(2);
    }

    @Test
    void aUnitFirstUsedAfterItsWriteBackReadsWithoutTakingTheTurn() {
        String id = units.run(null, () -> counter.increment()).sentId();

        UnitOfWorkHandle late = sessionUnits.open(id);
        sessionUnits.closeDetached(late);
        int seen = counter.value();
        sessionUnits.detach(late);

        assertThat(seen).isEqualTo(1);
        assertThat(sessionUnits.runtime().turns().inside(SessionIds.hash(id))).isZero();
        // a lock taken by the late read and never released would make this wait, then fail with a 503
        assertThat(units.run(id, () -> counter.increment()).value()).isEqualTo(2);
    }

    @Test
    void requestsOneAfterAnotherGiveTheirTurnBack() {
        String id = units.run(null, () -> counter.increment()).sentId();
        for (int i = 0; i < MAX_WAITING + 3; i++) {
            units.run(id, () -> counter.increment());
        }
        assertThat(units.run(id, () -> counter.value()).value()).isEqualTo(MAX_WAITING + 4);
    }

    /** A unit that has the session's turn (its row lock) until the test lets it go. */
    private Future<?> holdTheTurnOf(String id) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> units.run(id, () -> {
            counter.increment();
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        return holder;
    }
}
