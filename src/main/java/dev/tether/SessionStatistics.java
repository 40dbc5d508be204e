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

    /** Units that looked their session up in the store (found or not). */
    long loads();

    /** The time those lookups took, waits for a serialized session's turn included. */
    Duration loadTime();

    /** Lookups that found a live session. */
    long sessionsLoaded();

    /** New sessions stored. */
    long sessionsCreated();

    /** Write-backs to a stored session that wrote something (its beans, its row, or both). */
    long sessionsWritten();

    /** The time the store took for the write-backs of created and written sessions. */
    Duration writeTime();

    /** Stored sessions ended through {@code invalidate()} or {@code invalidateAll}. */
    long sessionsInvalidated();

    /** Expired sessions deleted by purges on this node. */
    long sessionsPurged();

    /** Stored beans read back into an instance. */
    long beansDecoded();

    /** Stored beans that could not be read (unknown codec, too large, class changed) and started fresh. */
    long beansStartedFresh();

    /** Beans inserted or updated. */
    long beansWritten();

    /** The encoded size of those beans. */
    long bytesWritten();

    /** Write-backs refused because another unit changed the same rows first (409 over HTTP). */
    long conflicts();

    /** Loads and write-backs that found the store unusable, the session busy past {@code tether.serialize.wait}, or too many requests waiting for it (503 over HTTP). */
    long storeUnavailable();

    /** Lookups under the {@code serialize} policy, which wait for the session's turn. */
    long serializeWaits();

    /** The time those lookups took, the wait included. */
    Duration serializeWaitTime();
}
