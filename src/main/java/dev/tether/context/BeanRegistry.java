package dev.tether.context;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.inject.spi.PassivationCapable;

/** The persistent beans of the deployment, found by the container's passivation ID or by stored key. */
final class BeanRegistry {

    private final Map<String, PersistentBean> byPassivationId = new ConcurrentHashMap<>();
    private final Map<String, PersistentBean> byKey = new ConcurrentHashMap<>();

    void add(PersistentBean bean) {
        PersistentBean clash = byKey.putIfAbsent(bean.key(), bean);
        if (clash != null) {
            throw new IllegalStateException("two persistent beans share the stored key " + bean.key());
        }
        byPassivationId.put(((PassivationCapable) bean.bean()).getId(), bean);
    }

    PersistentBean of(Contextual<?> contextual) {
        if (contextual instanceof PassivationCapable capable) {
            PersistentBean bean = byPassivationId.get(capable.getId());
            if (bean != null) {
                return bean;
            }
        }
        throw new IllegalStateException(contextual + " is not a @PersistentSessionScoped bean known to Tether");
    }

    Optional<PersistentBean> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    Collection<PersistentBean> all() {
        return byKey.values();
    }
}
