package dev.tether.context;

import java.time.Clock;

import jakarta.enterprise.inject.spi.BeanManager;

import dev.tether.ConcurrencyPolicy;
import dev.tether.config.TetherSettings;
import dev.tether.spi.SessionStore;

/**
 * What every unit of work of a deployment shares: settings, beans and their lifecycle, codecs, the store, events,
 * the clock, the turns of serialized sessions, and the figures of what they did.
 */
record SessionRuntime(TetherSettings settings, BeanRegistry registry, BeanCodecs codecs, BeanLifecycle lifecycle,
                      StoreConnection connection, SessionEvents events, OutsideTransactions writes,
                      BeanManager beanManager, Clock clock, boolean serializesSessions, SessionTurns turns,
                      SessionMetrics metrics) {

    SessionRuntime(TetherSettings settings, BeanRegistry registry, BeanCodecs codecs, StoreConnection connection,
                   SessionEvents events, OutsideTransactions writes, BeanManager beanManager, Clock clock) {
        this(settings, registry, codecs, new BeanLifecycle(beanManager, codecs), connection, events, writes,
                beanManager, clock, serializes(settings, registry),
                new SessionTurns(settings.serializeMaxWaiting(), settings.serializeMaxPerNode()), new SessionMetrics());
    }

    /** Whether the default policy, or a bean's own, is {@code serialize}. */
    static boolean serializes(TetherSettings settings, BeanRegistry registry) {
        return settings.concurrency() == ConcurrencyPolicy.SERIALIZE
                || registry.all().stream().anyMatch(bean -> bean.policy() == ConcurrencyPolicy.SERIALIZE);
    }

    SessionStore store() {
        return connection.store();
    }

    StateSizes sizes() {
        return new StateSizes(settings.sizeLimits());
    }

    long now() {
        return clock.millis();
    }

    ConcurrencyPolicy policyOf(PersistentBean bean) {
        return bean.policy() != null ? bean.policy() : settings.concurrency();
    }
}
