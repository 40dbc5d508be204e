package dev.tether.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import dev.tether.SessionStatistics;

/**
 * The figures of {@link SessionStatistics} as Tether publishes them through a server's metrics API: one list, so
 * that every API publishes the same figures under the same names. Names are written as Micrometer writes them (dots);
 * in the Prometheus format both APIs give the same series, {@code tether_sessions_new_total} and so on. (Not
 * {@code created}: the Prometheus client WildFly uses drops a {@code _created} suffix, which OpenMetrics reserves.)
 */
final class PublishedFigures {

    /** A count that only grows. */
    record Count(String name, String description, ToLongFunction<SessionStatistics> value) {
    }

    /** A count of events and the total time they took, from which an average follows. */
    record Timing(String name, String description, ToLongFunction<SessionStatistics> count,
                  Function<SessionStatistics, Duration> total) {
    }

    static final List<Count> COUNTS = List.of(
            new Count("tether.sessions.loaded", "lookups that found a live session",
                    SessionStatistics::sessionsLoaded),
            new Count("tether.sessions.new", "new sessions stored", SessionStatistics::sessionsCreated),
            new Count("tether.sessions.written", "write-backs to a stored session that wrote something",
                    SessionStatistics::sessionsWritten),
            new Count("tether.sessions.invalidated", "stored sessions ended through invalidate(), invalidateAll, "
                    + "invalidateByHandle or the per-principal limit",
                    SessionStatistics::sessionsInvalidated),
            new Count("tether.sessions.purged", "expired sessions deleted by purges on this node",
                    SessionStatistics::sessionsPurged),
            new Count("tether.beans.decoded", "stored beans read back into an instance",
                    SessionStatistics::beansDecoded),
            new Count("tether.beans.started.fresh", "stored beans that could not be read and started fresh",
                    SessionStatistics::beansStartedFresh),
            new Count("tether.beans.written", "beans inserted or updated", SessionStatistics::beansWritten),
            new Count("tether.beans.written.bytes", "the encoded size of the beans written",
                    SessionStatistics::bytesWritten),
            new Count("tether.conflicts", "write-backs refused because another unit changed the same rows (409)",
                    SessionStatistics::conflicts),
            new Count("tether.store.unavailable", "loads and write-backs that found the store unusable or the "
                    + "session busy (503)", SessionStatistics::storeUnavailable));

    static final List<Timing> TIMINGS = List.of(
            new Timing("tether.session.loads", "lookups of a session in the store, found or not",
                    SessionStatistics::loads, SessionStatistics::loadTime),
            new Timing("tether.session.writes", "write-backs of created and written sessions",
                    statistics -> statistics.sessionsCreated() + statistics.sessionsWritten(),
                    SessionStatistics::writeTime),
            new Timing("tether.serialize.waits", "lookups under the serialize policy, the wait for the turn included",
                    SessionStatistics::serializeWaits, SessionStatistics::serializeWaitTime));

    private PublishedFigures() {
    }
}
