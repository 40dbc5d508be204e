package dev.tether.context;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionTarget;

import dev.tether.ConcurrencyPolicy;
import dev.tether.StoreAs;

/**
 * What Tether knows of one {@code @PersistentSessionScoped} bean, fixed at deployment.
 *
 * @param injectionTarget the container's injection target of a bean class: it builds the instance a request
 *                        gets back (with the bean's interceptors and decorators) and injects its transient
 *                        fields; {@code null} for producer beans
 * @param reinjects       whether the bean has field or initializer injection to redo after it is read
 * @param format          how it is stored, {@code null} for "the configured default"
 * @param policy          its concurrency policy, {@code null} for "the configured default"
 */
record PersistentBean(Bean<Object> bean, String key, Class<?> stateType, InjectionTarget<Object> injectionTarget,
                      boolean reinjects, StoreAs.Format format, ConcurrencyPolicy policy) {

    /** Whether the bean is a class the container instantiates (rather than a producer's product). */
    boolean isClassBean() {
        return injectionTarget != null;
    }
}
