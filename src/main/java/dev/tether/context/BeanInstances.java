package dev.tether.context;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.spi.CreationalContext;

/**
 * The bean instances of one unit of work, by bean key, with what each is compared to at write-back; and the
 * stored beans the unit destroyed or could not read. A plain map: it calls neither the container nor the store.
 */
final class BeanInstances {

    /**
     * One bean's instance in this unit.
     *
     * @param asLoaded the bean's encoding right after the unit got it (decoded or freshly created), which the
     *                 dirty check compares with; {@code null} when it must be written whatever it holds (it
     *                 replaces destroyed or unreadable stored state)
     * @param version  the stored row's version when the unit read it; 0 without a row
     * @param hasRow   whether the store has a row for this bean (to update rather than insert)
     */
    record Held(PersistentBean bean, Object instance, CreationalContext<Object> creationalContext, byte[] asLoaded,
                long version, boolean hasRow) {
    }

    private final Map<String, Held> held = new LinkedHashMap<>();
    private final Map<String, Long> destroyedVersions = new HashMap<>();
    private final Set<String> unreadable = new HashSet<>();

    Held get(String key) {
        return held.get(key);
    }

    void put(Held instance) {
        held.put(instance.bean().key(), instance);
    }

    Held remove(String key) {
        return held.remove(key);
    }

    /** The instance a client proxy stands for (the proxy's class extends the bean's), or the candidate itself. */
    Object instanceBehind(Object candidate) {
        if (candidate == null) {
            return null;
        }
        for (Held instance : held.values()) {
            if (instance.bean().stateType().isInstance(candidate)
                    && candidate.getClass() != instance.instance().getClass()) {
                return instance.instance();
            }
        }
        return candidate;
    }

    List<Held> all() {
        return new ArrayList<>(held.values());
    }

    /** Records that the stored row of a bean, read at {@code version}, is to be deleted. */
    void markDestroyed(String key, long version) {
        destroyedVersions.put(key, version);
    }

    boolean isDestroyed(String key) {
        return destroyedVersions.containsKey(key);
    }

    /** The version of a destroyed row that a new instance now replaces, if the bean was destroyed. */
    Long takeDestroyed(String key) {
        return destroyedVersions.remove(key);
    }

    Map<String, Long> destroyedVersions() {
        return Map.copyOf(destroyedVersions);
    }

    void markUnreadable(String key) {
        unreadable.add(key);
    }

    boolean isUnreadable(String key) {
        return unreadable.contains(key);
    }

    void clear() {
        held.clear();
        destroyedVersions.clear();
        unreadable.clear();
    }
}
