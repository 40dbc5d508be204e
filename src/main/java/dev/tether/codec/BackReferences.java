package dev.tether.codec;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.bind.annotation.JsonbTransient;

/**
 * Finds a back-reference (a cycle) in what JSON-B would write of a bean: an object that holds, through its fields,
 * collections or maps, an object that holds it. JSON is a tree and cannot hold one; JSON-B implementations refuse it
 * only midway, after logging an error of their own ("Generating incomplete JSON") that names nothing. Walked before
 * the encoding so the refusal says where the cycle is, and is logged once, by Tether.
 *
 * <p>Only the objects on the way from the bean to a value count: an object reached twice on separate ways is no
 * cycle (JSON-B writes it twice). A walk deeper than {@link #MAX_DEPTH} is left to JSON-B.
 */
final class BackReferences {

    static final int MAX_DEPTH = 200;

    private final Map<Object, Boolean> onTheWay = new IdentityHashMap<>();

    private BackReferences() {
    }

    /** {@return where a value of the bean's fields refers back to an object it is held by, e.g. {@code first.partner.partner}} */
    static Optional<String> in(Object bean, List<Field> fields) {
        BackReferences walk = new BackReferences();
        walk.onTheWay.put(bean, Boolean.TRUE);
        for (Field field : fields) {
            Optional<String> found = walk.visit(read(field, bean), JsonbCodec.jsonName(field), 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<String> visit(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH || isLeaf(value.getClass())) {
            return Optional.empty();
        }
        if (onTheWay.containsKey(value)) {
            return Optional.of(path);
        }
        onTheWay.put(value, Boolean.TRUE);
        try {
            int index = 0;
            for (Object part : parts(value)) {
                Optional<String> found = visit(part instanceof Named named ? named.value() : part,
                        part instanceof Named named ? path + "." + named.name() : path + "[" + index + "]", depth + 1);
                if (found.isPresent()) {
                    return found;
                }
                index++;
            }
            return Optional.empty();
        } finally {
            onTheWay.remove(value);
        }
    }

    /** A value of a named field or record component. */
    private record Named(String name, Object value) {
    }

    /** What JSON-B writes of a value: the elements of a collection or array, the values of a map, the fields. */
    private static List<?> parts(Object value) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value instanceof Map<?, ?> map) {
            return new ArrayList<>(map.values());
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(List::of).orElse(List.of());
        }
        if (value.getClass().isArray()) {
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(Array.get(value, i));
            }
            return elements;
        }
        if (value.getClass().isRecord()) {
            List<Named> components = new ArrayList<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    components.add(new Named(component.getName(), component.getAccessor().invoke(value)));
                } catch (ReflectiveOperationException | RuntimeException unreadable) {
                    // JSON-B reads it or reports it itself
                }
            }
            return components;
        }
        if (JsonbCodec.isJdkType(value.getClass())) {
            return List.of();
        }
        List<Named> fields = new ArrayList<>();
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
                        && !field.isAnnotationPresent(JsonbTransient.class)) {
                    try {
                        field.setAccessible(true);
                        fields.add(new Named(JsonbCodec.jsonName(field), field.get(value)));
                    } catch (ReflectiveOperationException | RuntimeException unreadable) {
                        // JSON-B reads it or reports it itself
                    }
                }
            }
        }
        return fields;
    }

    /** Values that hold no other object: strings, numbers, booleans, enums, dates and the like. */
    private static boolean isLeaf(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.lang.")
                || type.getName().startsWith("java.time.") || type.getName().startsWith("java.math.")
                || type.isArray() && type.getComponentType().isPrimitive();
    }

    private static Object read(Field field, Object bean) {
        try {
            field.setAccessible(true);
            return field.get(bean);
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return null;
        }
    }
}
