package dev.tether.context;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tether.codec.StoredFields;
import dev.tether.spi.UnwritableStateException;

/**
 * Copies the stored state of a bean class ({@link StoredFields}) between instances. The container builds
 * intercepted and decorated beans as a subclass of their own; the state is copied between that instance and a
 * plain one of the bean class, so that what is stored never names the container's generated class, and what a
 * request gets back is the container's instance.
 */
final class StateFields {

    private final Map<Class<?>, Constructor<?>> constructors = new ConcurrentHashMap<>();

    /** Copies the state of {@code from} into {@code to}; both are instances of {@code type}. */
    void copy(Class<?> type, Object from, Object to) {
        for (Field field : StoredFields.of(type)) {
            try {
                field.set(to, field.get(from));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Tether cannot copy field " + field + " of a persistent bean", e);
            }
        }
    }

    /** A plain instance of {@code type} (not the container's subclass) holding the state of {@code instance}. */
    Object plainCopy(Class<?> type, Object instance) {
        Object plain;
        try {
            plain = constructorOf(type).newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new UnwritableStateException("Tether cannot create a plain " + type.getName()
                    + " to store the state of its intercepted or decorated instance: " + e, e);
        }
        copy(type, instance, plain);
        return plain;
    }

    private Constructor<?> constructorOf(Class<?> type) {
        return constructors.computeIfAbsent(type, t -> {
            try {
                Constructor<?> constructor = t.getDeclaredConstructor();
                constructor.setAccessible(true);
                return constructor;
            } catch (NoSuchMethodException e) {
                throw new UnwritableStateException("persistent bean " + t.getName() + " is intercepted or decorated "
                        + "and has no constructor without parameters, which Tether needs to store its state; "
                        + "add one (any visibility)", e);
            }
        });
    }
}
