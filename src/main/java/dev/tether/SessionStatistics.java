package dev.tether;

import java.time.Duration;

/**
 * What Tether did on this node since the application started: counts, and total times from which averages follow
 * (say {@code loadTime / loads}). A snapshot, from {@link PersistentSessions#statistics()}; ask again for newer
 * figures. The same figures go to JDK Flight Recorder as events of the category "Tether", one per load, write-back
 * and purge.
 *
 * <p>Tether implements this interface and an application only reads it: a later version may add figures as new
 * methods without breaking any caller.
 */
public interface SessionStatistics {

    /** {@return units that looked their session up in the store (found or not)} */
    long loads();

    /** {@return the time those lookups took, waits for a serialized session's turn included} */
    Duration loadTime();

    /** {@return lookups that found a live session} */
    long sessionsLoaded();

    /** {@return new sessions stored} */
    long sessionsCreated();

    /** {@return write-backs to a stored session that wrote something (its beans, its row, or both)} */
    long sessionsWritten();

    /** {@return the time the store took for the write-backs of created and written sessions} */
    Duration writeTime();

    /**
     * {@return stored sessions ended through {@code invalidate()}, {@code invalidateAll}, {@code invalidateByHandle},
     * or to make room under {@code tether.max-sessions-per-principal}}
     */
    long sessionsInvalidated();

    /** {@return expired sessions deleted by purges on this node} */
    long sessionsPurged();

    /** {@return stored beans read back into an instance} */
    long beansDecoded();

    /** {@return stored beans that could not be read (unknown codec, too large, class changed) and started fresh} */
    long beansStartedFresh();

    /** {@return beans inserted or updated} */
    long beansWritten();

    /** {@return the encoded size of those beans} */
    long bytesWritten();

    /** {@return write-backs refused because another unit changed the same rows first (409 over HTTP)} */
    long conflicts();

    /**
     * {@return loads and write-backs that found the store unusable, the session busy past
     * {@code tether.serialize.wait}, or too many requests waiting for it (503 over HTTP)}
     */
    long storeUnavailable();

    /** {@return lookups under the {@code serialize} policy, which wait for the session's turn} */
    long serializeWaits();

    /** {@return the time those lookups took, the wait included} */
    Duration serializeWaitTime();
}
