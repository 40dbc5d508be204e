package dev.tether.context;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionTarget;

import dev.tether.ConcurrencyPolicy;
import dev.tether.StoreAs;

/**
 * What Tether knows of one {@code @PersistentSessionScoped} bean, fixed at deployment.
 *
 * @param injectionTarget the container's injection target, used to inject a bean again after it is read
 *                        from the store; {@code null} for producer beans and beans without field or
 *                        initializer injection
 * @param format          how it is stored, {@code null} for "the configured default"
 * @param policy          its concurrency policy, {@code null} for "the configured default"
 */
record PersistentBean(Bean<Object> bean, String key, Class<?> stateType, InjectionTarget<Object> injectionTarget,
                      StoreAs.Format format, ConcurrencyPolicy policy) {
}
