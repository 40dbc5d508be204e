package dev.tether;

import java.time.Duration;

/**
 * What Tether did on this node since the application started: counts, and total times from which averages follow
 * (say {@code loadTime / loads}). A snapshot, from {@link PersistentSessions#statistics()}; ask again for newer
 * figures. The same figures go to JDK Flight Recorder as events of the category "Tether", one per load, write-back
 * and purge.
 *
 * @param loads               units that looked their session up in the store (found or not)
 * @param loadTime            the time those lookups took, waits for a serialized session's turn included
 * @param sessionsLoaded      lookups that found a live session
 * @param sessionsCreated     new sessions stored
 * @param sessionsWritten     write-backs to a stored session that wrote something (its beans, its row, or both)
 * @param writeTime           the time the store took for the write-backs of created and written sessions
 * @param sessionsInvalidated stored sessions ended through {@code invalidate()} or {@code invalidateAll}
 * @param sessionsPurged      expired sessions deleted by purges on this node
 * @param beansDecoded        stored beans read back into an instance
 * @param beansStartedFresh   stored beans that could not be read (unknown codec, too large, class changed) and
 *                            started fresh
 * @param beansWritten        beans inserted or updated
 * @param bytesWritten        the encoded size of those beans
 * @param conflicts           write-backs refused because another unit changed the same rows first (409 over HTTP)
 * @param storeUnavailable    loads and write-backs that found the store unusable, the session busy past
 *                            {@code tether.serialize.wait}, or too many requests waiting for it (503 over HTTP)
 * @param serializeWaits      lookups under the {@code serialize} policy, which wait for the session's turn
 * @param serializeWaitTime   the time those lookups took, the wait included
 */
public record SessionStatistics(long loads, Duration loadTime, long sessionsLoaded, long sessionsCreated,
                                long sessionsWritten, Duration writeTime, long sessionsInvalidated,
                                long sessionsPurged, long beansDecoded, long beansStartedFresh, long beansWritten,
                                long bytesWritten, long conflicts, long storeUnavailable, long serializeWaits,
                                Duration serializeWaitTime) {
}
