package dev.tether.spi;

import java.util.Optional;

/**
 * What one unit of work changes in the row of a stored session. Only these columns are written, so a request
 * never writes back what it merely read: an overlapping request's new ID, principal or timeouts stay as they are.
 * A session that expired or was deleted meanwhile is never written (never revived).
 *
 * @param pk         the surrogate key of the session
 * @param loaded     the ID hash and principal this unit loaded
 * @param identity   the new ID hash and principal, or {@code null} when the unit changed neither; written only
 *                   while the row still holds {@code loaded}, so two units can never both rotate or log in
 * @param timeouts   a new idle timeout and absolute expiry, or {@code null}; comes with an access time
 * @param accessedAt the access time to record (epoch ms), or {@code -1} for none
 * @param now        the time of the write: a row that has expired by then is not written
 */
public record SessionUpdate(String pk, Identity loaded, Identity identity, Timeouts timeouts, long accessedAt,
                            long now) {

    public SessionUpdate {
        if (timeouts != null && accessedAt < 0) {
            throw new IllegalArgumentException("new timeouts are written with an access time");
        }
    }

    /** An update that writes nothing to the session row. */
    public static SessionUpdate none(String pk, Identity loaded, long now) {
        return new SessionUpdate(pk, loaded, null, null, -1, now);
    }

    public boolean writesRow() {
        return identity != null || timeouts != null || accessedAt >= 0;
    }

    /** The ID hash and principal of a session: who it is and who it belongs to. */
    public record Identity(String idHash, Optional<String> principal) {
    }

    /** A session's own timeouts: the idle timeout and the absolute expiry (epoch ms). */
    public record Timeouts(long idleTimeoutMillis, long absoluteExpiresAt) {

        /** The expiry of a session last accessed at {@code accessedAt}. */
        public long expiresAt(long accessedAt) {
            return Math.min(accessedAt + idleTimeoutMillis, absoluteExpiresAt);
        }
    }
}
