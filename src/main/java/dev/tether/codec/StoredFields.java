package dev.tether.codec;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What Tether stores of a bean: its non-static, non-transient fields, of any visibility, declared in its class and
 * its superclasses. The one definition both codecs and the bean lifecycle use, so that what the Java codec keeps,
 * what the JSON-B codec keeps and what is copied into the container's instance are the same fields.
 */
public final class StoredFields {

    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            return List.copyOf(fields);
        }
    };

    private StoredFields() {
    }

    /** The stored fields of {@code type}, made accessible, its own first. */
    public static List<Field> of(Class<?> type) {
        return FIELDS.get(type);
    }
}
