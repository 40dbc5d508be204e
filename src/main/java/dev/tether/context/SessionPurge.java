package dev.tether.context;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.tether.PurgeResult;
import dev.tether.SessionConflictException;
import dev.tether.SessionStoreUnavailableException;
import dev.tether.SessionEnded;
import dev.tether.config.PurgeSettings;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionStore;

/**
 * Deletes expired sessions in bounded batches, each in its own short transaction, so that live requests never
 * wait behind more than one batch. Only the node holding the database lease purges; the others skip, and a node
 * whose lease was taken over meanwhile stops. Expired sessions are unreachable before they are purged (every load
 * filters on expiry), so purging is housekeeping, never a correctness matter.
 *
 * <p>The purge runs on a scheduler of its own, one thread from the server's managed thread factory (so it has the
 * application's context), shut down with the application. The server's shared scheduler would keep a cancelled
 * task, and with it the whole undeployed application and its class loader, queued until the task's next due time.
 */
@ApplicationScoped
class SessionPurge {

    private static final Logger LOG = Logger.getLogger(SessionPurge.class.getName());
    private static final String LEASE = "purge";
    private static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private final String node = UUID.randomUUID().toString();
    private SessionUnits units;
    private ScheduledThreadPoolExecutor scheduler;

    protected SessionPurge() {
    }

    @Inject
    SessionPurge(SessionUnits units) {
        this.units = units;
    }

    void scheduleWithApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
        Duration interval = units.runtime().settings().purge().interval();
        if (scheduler != null) {
            return;
        }
        try {
            var threads = (ManagedThreadFactory) new InitialContext().lookup(THREAD_FACTORY);
            scheduler = new ScheduledThreadPoolExecutor(1, threads);
            scheduler.setRemoveOnCancelPolicy(true);
            scheduler.scheduleWithFixedDelay(this::purgeQuietly, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (NamingException | ClassCastException | LinkageError noThreads) {
            LOG.info(() -> "Tether: no managed thread factory here; expired sessions are purged only when "
                    + "PersistentSessions.purgeExpired() is called");
        }
    }

    /** Nothing of the application stays queued or running: its thread ends, however long the interval. */
    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                // a purge under way ends its batch before the data source goes away with the application
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void purgeQuietly() {
        try {
            PurgeResult result = purge();
            if (result.sessions() > 0) {
                LOG.fine(() -> "Tether: purged " + result);
            }
        } catch (SessionStoreUnavailableException e) {
            // the store's own attempts log the outage with its stack trace, once
            LOG.warning(() -> "Tether: purging expired sessions failed; the next run tries again: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Tether: purging expired sessions failed; the next run tries again", e);
        }
    }

    PurgeResult purge() {
        SessionRuntime runtime = units.runtime();
        SessionStore store = runtime.store();
        PurgeSettings settings = runtime.settings().purge();
        long started = System.nanoTime();
        long now = runtime.now();
        long leaseMillis = settings.interval().toMillis();
        if (!holdLease(runtime, leaseMillis)) {
            return new PurgeResult(false, 0, 0, Duration.ZERO);
        }
        int sessions = 0;
        int batches = 0;
        while (true) {
            List<SessionRow> expired = store.findExpired(now, settings.batchSize());
            if (expired.isEmpty()) {
                break;
            }
            int deleted = settings.destroyBeans() ? endOneByOne(expired) : deleteBatch(store, expired, now);
            batches++;
            sessions += deleted;
            if (deleted == 0 || !holdLease(runtime, leaseMillis)) {
                // another node took the lease over (this one was slower than the interval): the purge is its now
                break;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        runtime.metrics().purged(sessions, batches, took);
        return new PurgeResult(true, sessions, batches, took);
    }

    /** Takes or renews the lease, outside any transaction of the caller (an {@code @Schedule} method has one). */
    private boolean holdLease(SessionRuntime runtime, long leaseMillis) {
        long now = runtime.now();
        try {
            return runtime.writes().call(() -> runtime.store().acquireLease(LEASE, node, now, now + leaseMillis));
        } catch (SessionConflictException takenAtOnce) {
            // another node took it in the same moment through another database node (a Galera certification failure)
            return false;
        }
    }

    /** {@code @Destroyed} only for the rows this batch deleted: another node may have purged some of them first. */
    private int deleteBatch(SessionStore store, List<SessionRow> expired, long now) {
        Set<String> deleted = Set.copyOf(units.runtime().writes().call(() ->
                store.deleteExpired(expired.stream().map(SessionRow::pk).toList(), now)));
        expired.stream().filter(row -> deleted.contains(row.pk()))
                .forEach(row -> units.runtime().events().destroyed(row, SessionEnded.Reason.EXPIRED));
        return deleted.size();
    }

    /** Each session's beans are loaded and destroyed, so {@code @PreDestroy} runs: slower, and off by default. */
    private int endOneByOne(List<SessionRow> expired) {
        for (SessionRow row : expired) {
            units.endStoredSession(row.pk(), SessionEnded.Reason.EXPIRED);
        }
        return expired.size();
    }
}
