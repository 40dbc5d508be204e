package dev.tether.context;

import java.time.Clock;

import jakarta.enterprise.inject.spi.BeanManager;

import dev.tether.ConcurrencyPolicy;

import dev.tether.config.TetherSettings;
import dev.tether.store.SessionStore;

/** What every unit of work of a deployment shares: settings, beans, codecs, the store, events and the clock. */
record SessionRuntime(TetherSettings settings, BeanRegistry registry, BeanCodecs codecs, StoreConnection connection,
                      SessionEvents events, IndependentWrites writes, BeanManager beanManager,
                      Clock clock) {

    SessionStore store() {
        return connection.store();
    }

    StateSizes sizes() {
        return new StateSizes(settings.sizeLimits());
    }

    long now() {
        return clock.millis();
    }

    /** Whether units lock their session: the global policy is serialize, or some bean asks for it. */
    boolean serializesSessions() {
        return settings.concurrency() == ConcurrencyPolicy.SERIALIZE
                || registry.all().stream().anyMatch(bean -> bean.policy() == ConcurrencyPolicy.SERIALIZE);
    }
}
