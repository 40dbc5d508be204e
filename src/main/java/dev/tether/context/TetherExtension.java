package dev.tether.context;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessProducerField;
import jakarta.enterprise.inject.spi.ProcessProducerMethod;

import dev.tether.Concurrency;
import dev.tether.PersistentSessionScoped;
import dev.tether.SessionStorage;
import dev.tether.StoreAs;
import dev.tether.spi.BeanCodec;
import dev.tether.codec.JsonbCodec;
import dev.tether.codec.JsonbStateCheck;
import dev.tether.config.ConfigSource;
import dev.tether.config.TetherSettings;

/**
 * Registers the persistent session context and Tether's own beans, and checks every
 * {@code @PersistentSessionScoped} bean at deployment, so that a bean Tether could not store fails the
 * deployment with its name and the fix rather than the first request.
 */
public class TetherExtension implements Extension {

    private final ActiveUnits activeUnits = new ActiveUnits();
    private final Map<Class<?>, InjectionTarget<?>> injectionTargets = new HashMap<>();
    private final List<PendingBean> pending = new ArrayList<>();
    private final List<Bean<?>> storageBeans = new ArrayList<>();
    private BeanRegistry registry;
    private TetherSettings settings;

    private record PendingBean(Bean<?> bean, String typeName, Class<?> stateType, Annotated annotated) {
    }

    void addTetherBeans(@Observes BeforeBeanDiscovery event, BeanManager manager) {
        // the jar's beans.xml excludes all its classes from scanning (it only makes the jar a bean archive, for
        // WildFly's health subsystem: docs/design.md), so its beans are added here
        for (Class<?> type : List.of(SessionUnits.class, PersistentSessionFacade.class,
                PersistentSessionsImpl.class, UnitOfWorkInterceptor.class, IndependentWrites.class, SessionPurge.class)) {
            event.addAnnotatedType(manager.createAnnotatedType(type), "tether:" + type.getName());
        }
    }

    <T> void rememberInjectionTarget(@Observes ProcessInjectionTarget<T> event) {
        injectionTargets.put(event.getAnnotatedType().getJavaClass(), event.getInjectionTarget());
    }

    /**
     * Remembers the application's {@code @SessionStorage} beans. Tether's own beans are added by this extension
     * and, on servers that isolate bean archives (Payara), cannot resolve beans of the application's archive by
     * type; a reference to a known bean needs no resolution.
     */
    <T> void rememberStorageBean(@Observes ProcessBean<T> event) {
        if (event.getBean().getQualifiers().stream().anyMatch(q -> q.annotationType() == SessionStorage.class)) {
            storageBeans.add(event.getBean());
        }
    }

    <T> void checkManagedBean(@Observes ProcessManagedBean<T> event) {
        Bean<?> bean = event.getBean();
        if (!isPersistent(bean)) {
            return;
        }
        Class<?> type = bean.getBeanClass();
        if (!Serializable.class.isAssignableFrom(type)) {
            event.addDefinitionError(new IllegalStateException("@PersistentSessionScoped bean " + type.getName()
                    + " is not Serializable, so Tether cannot store it. Fix: declare it 'implements Serializable'."));
            return;
        }
        for (InjectionPoint point : bean.getInjectionPoints()) {
            Member member = point.getMember();
            if (member instanceof Field field && !Modifier.isTransient(field.getModifiers())) {
                event.addDefinitionError(new IllegalStateException("@PersistentSessionScoped bean " + type.getName()
                        + " injects field '" + field.getName() + "' that is not transient. Tether stores the "
                        + "bean's fields and injects them again after loading it. Fix: declare the field "
                        + "'transient'."));
                return;
            }
        }
        pending.add(new PendingBean(bean, type.getName(), type, event.getAnnotatedBeanClass()));
    }

    <T, X> void checkProducerMethod(@Observes ProcessProducerMethod<T, X> event) {
        Bean<?> bean = event.getBean();
        if (isPersistent(bean)) {
            var method = event.getAnnotatedProducerMethod().getJavaMember();
            checkProducedType(event, bean, method.getDeclaringClass().getName() + "#" + method.getName(),
                    method.getReturnType(), event.getAnnotatedProducerMethod());
        }
    }

    <T, X> void checkProducerField(@Observes ProcessProducerField<T, X> event) {
        Bean<?> bean = event.getBean();
        if (isPersistent(bean)) {
            var field = event.getAnnotatedProducerField().getJavaMember();
            checkProducedType(event, bean, field.getDeclaringClass().getName() + "#" + field.getName(),
                    field.getType(), event.getAnnotatedProducerField());
        }
    }

    private void checkProducedType(ProcessBean<?> event, Bean<?> bean, String producer, Class<?> type,
                                   Annotated annotated) {
        boolean storable = type.isPrimitive() || type.isInterface() || Serializable.class.isAssignableFrom(type);
        if (!storable) {
            event.addDefinitionError(new IllegalStateException("@PersistentSessionScoped producer " + producer
                    + " returns " + type.getName() + ", which is not Serializable, so Tether cannot store it. "
                    + "Fix: return a Serializable type."));
            return;
        }
        pending.add(new PendingBean(bean, producer, type, annotated));
    }

    void addContext(@Observes AfterBeanDiscovery event) {
        registry = new BeanRegistry();
        event.addContext(new PersistentSessionContext(activeUnits, () -> registry));
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager manager) {
        try {
            settings = TetherSettings.read(ConfigSource.detect());
        } catch (IllegalArgumentException e) {
            event.addDeploymentProblem(e);
            return;
        }
        for (PendingBean candidate : pending) {
            registry.add(describe(candidate));
        }
        checkJsonbBeans(event, manager);
        pending.clear();
        injectionTargets.clear();
    }

    /**
     * Each bean stored as JSON-B must come back as it was written: JSON-B sees less than Java serialization (no
     * class names, no final fields of nested objects), and a bean it cannot restore would otherwise keep nothing,
     * silently. An application that brings its own {@code jsonb} codec answers for it itself.
     */
    private void checkJsonbBeans(AfterDeploymentValidation event, BeanManager manager) {
        List<PersistentBean> jsonbBeans = registry.all().stream()
                .filter(bean -> (bean.format() == null ? settings.codec() : bean.format()) == StoreAs.Format.JSONB)
                .toList();
        if (jsonbBeans.isEmpty() || new StorageBeans(this, manager).ask(BeanCodec.class, BeanCodec::name)
                .contains(JsonbCodec.NAME)) {
            return;
        }
        JsonbStateCheck check = new JsonbStateCheck(new JsonbCodec());
        for (PersistentBean bean : jsonbBeans) {
            check.problemOf(bean.stateType()).ifPresent(problem -> event.addDeploymentProblem(new IllegalStateException(
                    "@PersistentSessionScoped bean " + bean.key() + " is stored as JSON-B, which cannot give its "
                    + "state back: " + problem + ". Fix: change that type, or store the bean with Java "
                    + "serialization (@StoreAs(StoreAs.Format.JAVA)).")));
        }
    }

    @SuppressWarnings("unchecked")
    private PersistentBean describe(PendingBean candidate) {
        Bean<Object> bean = (Bean<Object>) candidate.bean();
        InjectionTarget<Object> target = null;
        if (candidate.annotated() instanceof jakarta.enterprise.inject.spi.AnnotatedType<?>) {
            target = (InjectionTarget<Object>) injectionTargets.get(candidate.stateType());
        }
        boolean reinjects = bean.getInjectionPoints().stream()
                .anyMatch(point -> !(point.getMember() instanceof java.lang.reflect.Constructor<?>));
        StoreAs storeAs = candidate.annotated().getAnnotation(StoreAs.class);
        Concurrency concurrency = candidate.annotated().getAnnotation(Concurrency.class);
        return new PersistentBean(bean, BeanKeys.of(candidate.typeName(), bean.getQualifiers()),
                candidate.stateType(), target, reinjects && target != null,
                storeAs == null ? null : storeAs.value(),
                concurrency == null ? null : concurrency.value());
    }

    private static boolean isPersistent(Bean<?> bean) {
        return bean.getScope() == PersistentSessionScoped.class;
    }

    /** The application's {@code @SessionStorage} beans of a type, in the order the container found them. */
    List<Bean<?>> storageBeans(Class<?> type) {
        return storageBeans.stream().filter(bean -> bean.getTypes().contains(type)).toList();
    }

    ActiveUnits activeUnits() {
        return activeUnits;
    }

    BeanRegistry registry() {
        return registry;
    }

    TetherSettings settings() {
        return settings;
    }
}
