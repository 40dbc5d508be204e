package dev.tether.context;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;


/**
 * The stored key of a persistent bean: its class (or, for a producer, the declaring class and member) plus
 * its qualifiers written out by value. Unlike the container's bean IDs it does not mention the deployment,
 * so it is the same across redeploys, WAR names, nodes and servers.
 */
final class BeanKeys {

    /** The {@code bean_key} column's width. Longer keys keep a readable prefix and gain a hash suffix. */
    static final int MAX_LENGTH = 255;

    private BeanKeys() {
    }

    static String of(String typeName, Set<Annotation> qualifiers) {
        String written = qualifiers.stream()
                .filter(q -> q.annotationType() != Any.class && q.annotationType() != Default.class)
                .map(BeanKeys::write)
                .sorted()
                .collect(Collectors.joining());
        String key = typeName + written;
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        return key.substring(0, MAX_LENGTH - 65) + "#" + SessionIds.hash(key);
    }

    private static String write(Annotation qualifier) {
        Method[] members = qualifier.annotationType().getDeclaredMethods();
        if (members.length == 0) {
            return "@" + qualifier.annotationType().getName();
        }
        return "@" + qualifier.annotationType().getName() + Arrays.stream(members)
                .sorted(Comparator.comparing(Method::getName))
                .map(member -> member.getName() + "=" + valueOf(qualifier, member))
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static String valueOf(Annotation qualifier, Method member) {
        try {
            member.setAccessible(true);
            Object value = member.invoke(qualifier);
            if (value != null && value.getClass().isArray()) {
                StringJoiner items = new StringJoiner(",", "[", "]");
                for (int i = 0; i < Array.getLength(value); i++) {
                    items.add(String.valueOf(Array.get(value, i)));
                }
                return items.toString();
            } else if (value instanceof Class<?> type) {
                return type.getName();
            }
            return String.valueOf(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read qualifier member " + member, e);
        }
    }
}
