package dev.tether.context;

import java.time.Duration;

/**
 * When the next attempt to start the store may run: at once before any failure, then after a wait that doubles with
 * each failed attempt up to a ceiling. Not thread-safe: its one caller holds the start lock.
 */
final class StartBackoff {

    private final long firstMillis;
    private final long ceilingMillis;
    private int failures;
    private long nextAttemptAt;

    StartBackoff(Duration first, Duration ceiling) {
        this.firstMillis = first.toMillis();
        this.ceilingMillis = ceiling.toMillis();
    }

    boolean allowsAttemptAt(long now) {
        return now >= nextAttemptAt;
    }

    /** {@return whole seconds until the next attempt may run, at least 1 while it may not} */
    long secondsLeftAt(long now) {
        return Math.max(1, (nextAttemptAt - now + 999) / 1000);
    }

    void failedAt(long now) {
        long wait = Math.min(ceilingMillis, firstMillis << Math.min(failures, 20));
        failures++;
        nextAttemptAt = now + wait;
    }

    void succeeded() {
        failures = 0;
        nextAttemptAt = 0;
    }

    int failures() {
        return failures;
    }
}
