package dev.tether.context;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.enterprise.context.spi.CreationalContext;

import dev.tether.spi.BeanCodec;
import dev.tether.spi.StoredBean;
import dev.tether.spi.UnreadableStateException;

/**
 * Builds a unit's bean instances and puts them into its {@link BeanInstances}: decoded from the stored state (within
 * the size limits, by a codec that may read it), or new through the container when there is none or it cannot be
 * read. Each instance is kept with the encoding it had when the unit got it, the baseline of the dirty check.
 */
final class InstanceBuilder {

    private static final Logger LOG = Logger.getLogger(InstanceBuilder.class.getName());

    private final SessionRuntime runtime;
    private final BeanInstances beans;
    /** The stored bytes of the beans this unit decoded: together at most {@code tether.max-session-bytes}. */
    private long decodedBytes;

    InstanceBuilder(SessionRuntime runtime, BeanInstances beans) {
        this.runtime = runtime;
        this.beans = beans;
    }

    /**
     * The unit's instance of the bean: the one it holds, else one decoded from the stored row, else a new one when
     * the container passes a creational context ({@code null} otherwise: the container only asks).
     */
    BeanInstances.Held getOrCreate(PersistentBean bean, StoredBean row, CreationalContext<Object> creationalContext,
                                   Supplier<String> sessionForLog) {
        BeanInstances.Held held = beans.get(bean.key());
        if (held == null) {
            held = restore(bean, row, sessionForLog);
        }
        if (held == null && creationalContext != null) {
            held = create(bean, creationalContext, row);
        }
        return held;
    }

    /**
     * The stored state decoded into an instance the container built, or {@code null} if there is none to read. A
     * state that cannot be read is warned about once; the bean then starts fresh.
     *
     * @param sessionForLog the session's ID as log lines show it
     */
    BeanInstances.Held restore(PersistentBean bean, StoredBean row, Supplier<String> sessionForLog) {
        if (row == null || beans.isUnreadable(bean.key())) {
            return null;
        }
        Optional<BeanCodec> codec = runtime.codecs().readerFor(bean, row.codec());
        String unreadable = runtime.sizes().whyUnreadable(row, decodedBytes)
                .orElse(codec.isEmpty() ? "it was written by codec '" + row.codec() + "', the bean is read only by its "
                        + "own, '" + runtime.codecs().writerFor(bean).name() + "'" : null);
        if (unreadable == null) {
            CreationalContext<Object> creationalContext = runtime.lifecycle().newCreationalContext(bean);
            try {
                Object instance = runtime.lifecycle().restore(bean, codec.get(), row.state(), creationalContext);
                // the baseline of the dirty check is the bean's encoding as loaded, not the stored bytes: a bean
                // whose encoding is not the same after every load (a HashSet of identity-hashed objects) is
                // unchanged as long as it encodes as it did right after it was read
                byte[] asLoaded = runtime.lifecycle().encode(bean, instance);
                BeanInstances.Held held = new BeanInstances.Held(bean, instance, creationalContext, asLoaded,
                        row.version(), true);
                beans.put(held);
                decodedBytes += row.size();
                runtime.metrics().beanDecoded();
                return held;
            } catch (UnreadableStateException e) {
                creationalContext.release();
                unreadable = e.getMessage();
            }
        }
        String reason = unreadable;
        LOG.warning(() -> "Tether: the stored state of " + bean.key() + " in session "
                + SessionIds.forLog(sessionForLog.get()) + " cannot be read (" + reason + "); the bean starts fresh");
        runtime.metrics().beanStartedFresh();
        // the container asks twice (without, then with a creational context): warn and decode once
        beans.markUnreadable(bean.key());
        return null;
    }

    /**
     * A new instance through the container. One that replaces stored or destroyed state is always written; a brand
     * new one only once it differs from how it was created.
     *
     * @param row the bean's stored row, if it has one (unreadable, or destroyed in this unit)
     */
    BeanInstances.Held create(PersistentBean bean, CreationalContext<Object> creationalContext, StoredBean row) {
        Object instance = runtime.lifecycle().create(bean, creationalContext);
        Long destroyedVersion = beans.takeDestroyed(bean.key());
        boolean hasRow = row != null || destroyedVersion != null;
        long version = destroyedVersion != null ? destroyedVersion : row != null ? row.version() : 0;
        byte[] asLoaded = hasRow ? null : runtime.lifecycle().encode(bean, instance);
        BeanInstances.Held held = new BeanInstances.Held(bean, instance, creationalContext, asLoaded, version, hasRow);
        beans.put(held);
        return held;
    }

    /** Ends one bean: its {@code @PreDestroy} runs, and its stored row (if any) is deleted at write-back. */
    void destroy(PersistentBean bean, StoredBean row) {
        BeanInstances.Held held = beans.remove(bean.key());
        if (held != null) {
            runtime.lifecycle().destroy(bean, held.instance(), held.creationalContext());
        }
        if (held != null && held.hasRow()) {
            beans.markDestroyed(bean.key(), held.version());
        } else if (row != null) {
            beans.markDestroyed(bean.key(), row.version());
        }
    }

    /**
     * Ends every bean of a session that ends: those the unit holds, and the stored ones it has not read, each decoded
     * so that its {@code @PreDestroy} runs (one that cannot be read is only warned about). The unit then holds none.
     */
    void destroyAll(Collection<StoredBean> storedRows, Supplier<String> sessionForLog) {
        for (BeanInstances.Held held : beans.all()) {
            runtime.lifecycle().destroy(held.bean(), held.instance(), held.creationalContext());
        }
        for (StoredBean row : storedRows) {
            if (beans.get(row.key()) != null || beans.isDestroyed(row.key())) {
                continue;
            }
            runtime.registry().byKey(row.key()).ifPresent(bean -> {
                BeanInstances.Held held = restore(bean, row, sessionForLog);
                if (held != null) {
                    runtime.lifecycle().destroy(bean, held.instance(), held.creationalContext());
                }
            });
        }
        beans.clear();
    }
}
