package dev.tether.config;

import java.time.Duration;

/**
 * How expired sessions are removed.
 *
 * @param interval     time between two purges
 * @param batchSize    sessions deleted per transaction: the most rows a purge ever holds locks on at once
 * @param destroyBeans load and destroy each purged session's beans, so their {@code @PreDestroy} runs
 */
public record PurgeSettings(Duration interval, int batchSize, boolean destroyBeans) {
}
