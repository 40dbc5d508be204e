package dev.tether;

import java.time.Instant;
import java.util.Optional;

/**
 * What is known of a stored session without loading its beans. It carries no session ID: the store keeps
 * only a hash of it.
 *
 * @param handle     an opaque, stable name of the session inside the store, for logs and correlation; it
 *                   cannot be used as a session ID
 * @param createdAt  when the session was first stored
 * @param lastAccessedAt when a unit of work last used it (to the precision of {@code tether.touch-interval})
 * @param expiresAt  when it stops being found, unless used again before
 * @param principal  whom it belongs to, if known
 */
public record SessionInfo(String handle, Instant createdAt, Instant lastAccessedAt, Instant expiresAt,
                          Optional<String> principal) {
}
