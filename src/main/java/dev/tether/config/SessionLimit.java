package dev.tether.config;

import dev.tether.SessionLimitPolicy;

/**
 * {@code tether.max-sessions-per-principal} and {@code tether.max-sessions-policy}.
 *
 * @param maxPerPrincipal how many live sessions one principal may have
 * @param policy          what a login beyond that does
 */
public record SessionLimit(int maxPerPrincipal, SessionLimitPolicy policy) {
}
