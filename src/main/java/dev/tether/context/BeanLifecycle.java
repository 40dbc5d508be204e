package dev.tether.context;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;

import dev.tether.spi.BeanCodec;
import dev.tether.spi.UnreadableStateException;

/**
 * Where a unit's bean instances come from and what is stored of them: the container builds every instance (so
 * the bean's interceptors and decorators apply), a codec turns the bean's own state into bytes and back. Shared
 * by all units of a deployment; holds no per-request state.
 */
final class BeanLifecycle {

    private final BeanManager manager;
    private final BeanCodecs codecs;
    private final StateFields fields = new StateFields();

    BeanLifecycle(BeanManager manager, BeanCodecs codecs) {
        this.manager = manager;
        this.codecs = codecs;
    }

    CreationalContext<Object> newCreationalContext(PersistentBean bean) {
        return manager.createCreationalContext(bean.bean());
    }

    /** A new instance, as the container creates it: constructor, injection, {@code @PostConstruct}. */
    Object create(PersistentBean bean, CreationalContext<Object> creationalContext) {
        return bean.bean().create(creationalContext);
    }

    /**
     * The instance a request gets for stored state: for a bean class, an instance the container built (its
     * constructor ran, its interceptors and decorators apply, its transient fields hold what the constructor gave
     * them) with the decoded fields set and its injected fields injected again. {@code @PostConstruct} does not
     * run: the bean was initialized once, when its session first used it.
     *
     * @throws UnreadableStateException when the bytes do not make an instance of the bean
     */
    Object restore(PersistentBean bean, BeanCodec codec, byte[] state, CreationalContext<Object> creationalContext) {
        Object decoded = codec.decode(state, bean.stateType());
        if (!bean.isClassBean()) {
            return decoded;
        }
        Object instance = bean.injectionTarget().produce(creationalContext);
        fields.copy(bean.stateType(), decoded, instance);
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
