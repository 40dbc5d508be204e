package dev.tether.context;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;

import dev.tether.codec.BeanCodec;
import dev.tether.codec.UnreadableStateException;

/**
 * Where a unit's bean instances come from and what is stored of them: the container builds every instance (so
 * the bean's interceptors and decorators apply), a codec turns the bean's own state into bytes and back. Shared
 * by all units of a deployment; holds no per-request state.
 */
final class BeanLifecycle {

    private final BeanManager manager;
    private final BeanCodecs codecs;
    private final StateFields fields = new StateFields();
    /** Per bean class: whether the container builds it as a subclass of its own (interceptors, decorators). */
    private final Map<Class<?>, Boolean> subclassed = new ConcurrentHashMap<>();

    BeanLifecycle(BeanManager manager, BeanCodecs codecs) {
        this.manager = manager;
        this.codecs = codecs;
    }

    CreationalContext<Object> newCreationalContext(PersistentBean bean) {
        return manager.createCreationalContext(bean.bean());
    }

    /** A new instance, as the container creates it: constructor, injection, {@code @PostConstruct}. */
    Object create(PersistentBean bean, CreationalContext<Object> creationalContext) {
        Object instance = bean.bean().create(creationalContext);
        if (bean.isClassBean()) {
            subclassed.putIfAbsent(bean.stateType(), instance.getClass() != bean.stateType());
        }
        return instance;
    }

    /**
     * The instance a request gets for stored state: the decoded state in an instance the container built, with
     * its injected fields set again. {@code @PostConstruct} does not run: the bean was constructed once, when
     * its session first used it.
     *
     * @throws UnreadableStateException when the bytes do not make an instance of the bean
     */
    Object restore(PersistentBean bean, BeanCodec codec, byte[] state, CreationalContext<Object> creationalContext) {
        Object decoded = codec.decode(state, bean.stateType());
        if (!bean.isClassBean()) {
            return decoded;
        }
        Object instance = decoded;
        if (subclassed.getOrDefault(bean.stateType(), true)) {
            instance = bean.injectionTarget().produce(creationalContext);
            subclassed.putIfAbsent(bean.stateType(), instance.getClass() != bean.stateType());
            fields.copy(bean.stateType(), decoded, instance);
        }
        if (bean.reinjects()) {
            bean.injectionTarget().inject(instance, creationalContext);
        }
        return instance;
    }

    /** The bytes of the bean's own state, never of the container's subclass. */
    byte[] encode(PersistentBean bean, Object instance) {
        BeanCodec codec = codecs.writerFor(bean);
        boolean containerSubclass = bean.isClassBean() && instance.getClass() != bean.stateType();
        return codec.encode(containerSubclass ? fields.plainCopy(bean.stateType(), instance) : instance);
    }

    BeanCodec writerFor(PersistentBean bean) {
        return codecs.writerFor(bean);
    }

    void destroy(PersistentBean bean, Object instance, CreationalContext<Object> creationalContext) {
        bean.bean().destroy(instance, creationalContext);
    }
}
