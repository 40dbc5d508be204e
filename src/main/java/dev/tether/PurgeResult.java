package dev.tether;

import java.time.Duration;

/**
 * What one purge of expired sessions did.
 *
 * @param ranHere  {@code false} when another node holds the purge lease and this one left the work to it
 * @param sessions how many expired sessions were deleted
 * @param batches  how many transactions that took (each holds locks on at most one batch of rows)
 * @param took     wall time of the purge
 */
public record PurgeResult(boolean ranHere, int sessions, int batches, Duration took) {
}
