package dev.tether.context;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import dev.tether.SessionConflictException;
import dev.tether.SessionStatistics;
import dev.tether.SessionStoreUnavailableException;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionChanges.BeanWrite;
import dev.tether.spi.StoredSession;

/**
 * Counts what the units of work of a deployment do, for {@link SessionStatistics}, and records each load,
 * write-back and purge as a JDK Flight Recorder event ({@link FlightRecorderEvents}). Neither ever holds a session
 * ID, a principal or a bean's state: only counts, sizes, outcomes and times.
 */
final class SessionMetrics {

    private final LongAdder loads = new LongAdder();
    private final LongAdder loadNanos = new LongAdder();
    private final LongAdder sessionsLoaded = new LongAdder();
    private final LongAdder sessionsCreated = new LongAdder();
    private final LongAdder sessionsWritten = new LongAdder();
    private final LongAdder writeNanos = new LongAdder();
    private final LongAdder sessionsInvalidated = new LongAdder();
    private final LongAdder sessionsPurged = new LongAdder();
    private final LongAdder beansDecoded = new LongAdder();
    private final LongAdder beansStartedFresh = new LongAdder();
    private final LongAdder beansWritten = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder conflicts = new LongAdder();
    private final LongAdder storeUnavailable = new LongAdder();
    private final LongAdder serializeWaits = new LongAdder();
    private final LongAdder serializeWaitNanos = new LongAdder();

    SessionStatistics snapshot() {
        return new Snapshot(loads.sum(), Duration.ofNanos(loadNanos.sum()), sessionsLoaded.sum(),
                sessionsCreated.sum(), sessionsWritten.sum(), Duration.ofNanos(writeNanos.sum()),
                sessionsInvalidated.sum(), sessionsPurged.sum(), beansDecoded.sum(), beansStartedFresh.sum(),
                beansWritten.sum(), bytesWritten.sum(), conflicts.sum(), storeUnavailable.sum(),
                serializeWaits.sum(), Duration.ofNanos(serializeWaitNanos.sum()));
    }

    /** A lookup of a session in the store, begun before the store is asked. */
    Load startLoad(boolean serialized) {
        return new Load(serialized);
    }

    /** A write-back of changes to the store, begun before the store is asked. */
    Write startWrite(SessionChanges changes) {
        return new Write(changes);
    }

    void beanDecoded() {
        beansDecoded.increment();
    }

    void beanStartedFresh() {
        beansStartedFresh.increment();
    }

    void sessionInvalidated() {
        sessionsInvalidated.increment();
    }

    void purged(int sessions, int batches, Duration took) {
        sessionsPurged.add(sessions);
        if (FlightRecorderEvents.AVAILABLE) {
            FlightRecorderEvents.purged(sessions, batches, took);
        }
    }

    private void failed(RuntimeException failure) {
        if (failure instanceof SessionConflictException) {
            conflicts.increment();
        } else if (failure instanceof SessionStoreUnavailableException) {
            storeUnavailable.increment();
        }
    }

    private static String outcomeOf(RuntimeException failure) {
        return failure instanceof SessionConflictException ? "conflict"
                : failure instanceof SessionStoreUnavailableException ? "store unavailable" : "failed";
    }

    final class Load {

        private final Object event = FlightRecorderEvents.AVAILABLE ? FlightRecorderEvents.beginLoad() : null;
        private final boolean serialized;
        private final long started = System.nanoTime();

        private Load(boolean serialized) {
            this.serialized = serialized;
        }

        void found(StoredSession session) {
            long took = System.nanoTime() - started;
            if (session != null) {
                sessionsLoaded.increment();
            }
            if (event != null) {
                FlightRecorderEvents.endLoad(event, session, serialized, "loaded");
            }
            record(took);
        }

        void failed(RuntimeException failure) {
            long took = System.nanoTime() - started;
            SessionMetrics.this.failed(failure);
            if (event != null) {
                FlightRecorderEvents.endLoad(event, null, serialized, outcomeOf(failure));
            }
            record(took);
        }

        private void record(long took) {
            loads.increment();
            loadNanos.add(took);
            if (serialized) {
                serializeWaits.increment();
                serializeWaitNanos.add(took);
            }
        }
    }

    final class Write {

        private final Object event = FlightRecorderEvents.AVAILABLE ? FlightRecorderEvents.beginWrite() : null;
        private final SessionChanges changes;
        private final long started = System.nanoTime();

        private Write(SessionChanges changes) {
            this.changes = changes;
        }

        void stored() {
            long took = System.nanoTime() - started;
            (changes.created() != null ? sessionsCreated : sessionsWritten).increment();
            writeNanos.add(took);
            int beans = changes.inserts().size() + changes.updates().size();
            long bytes = bytesOf(changes);
            beansWritten.add(beans);
            bytesWritten.add(bytes);
            if (event != null) {
                FlightRecorderEvents.endWrite(event, changes.created() != null, beans, changes.deletes().size(),
                        bytes, "stored");
            }
        }

        void failed(RuntimeException failure) {
            SessionMetrics.this.failed(failure);
            if (event != null) {
                FlightRecorderEvents.endWrite(event, changes.created() != null, 0, 0, 0, outcomeOf(failure));
            }
        }

        private static long bytesOf(SessionChanges changes) {
            long bytes = 0;
            for (BeanWrite bean : changes.inserts()) {
                bytes += bean.state().length;
            }
            for (BeanWrite bean : changes.updates()) {
                bytes += bean.state().length;
            }
            return bytes;
        }
    }

    /** The figures at one moment: what {@link dev.tether.PersistentSessions#statistics()} hands out. */
    private record Snapshot(long loads, Duration loadTime, long sessionsLoaded, long sessionsCreated,
                            long sessionsWritten, Duration writeTime, long sessionsInvalidated, long sessionsPurged,
                            long beansDecoded, long beansStartedFresh, long beansWritten, long bytesWritten,
                            long conflicts, long storeUnavailable, long serializeWaits, Duration serializeWaitTime)
            implements SessionStatistics {
    }
}
