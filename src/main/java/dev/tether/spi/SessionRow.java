package dev.tether.spi;

import java.util.Optional;

/**
 * The stored metadata of one session. Times are epoch milliseconds, as they are stored.
 *
 * @param pk                the surrogate key; bean rows point at it, so a new ID never moves them
 * @param idHash            SHA-256 of the session ID, hex encoded
 * @param expiresAt         the earlier of last access plus idle timeout and the absolute expiry
 */
public record SessionRow(String pk, String idHash, long createdAt, long lastAccessedAt, long expiresAt,
                         long idleTimeoutMillis, long absoluteExpiresAt, Optional<String> principal) {
}
