package dev.tether.codec;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The classes Java deserialization may resolve: a fixed set of JDK value types and collections, the stored
 * bean classes with every application type their fields declare (walked through generics, arrays and
 * superclasses), and the packages or classes the application lists. Everything else is refused by name,
 * before it is loaded.
 *
 * <p>The JDK set leaves out on purpose the types that run application code while they are rebuilt
 * ({@code PriorityQueue}, comparators, proxies, {@code URL}): those are the gadget chains' entry points.
 */
public final class ClassAllowList {

    private static final Set<String> JDK_TYPES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Character", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Number",
            "java.lang.Enum",
            "java.math.BigInteger", "java.math.BigDecimal",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.EnumMap",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.EnumSet$SerializationProxy",
            "java.util.CollSer", "java.util.Arrays$ArrayList",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap",
            "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
            "java.util.Collections$SingletonMap",
            "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableSet",
            "java.util.Collections$UnmodifiableSortedSet", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableSortedMap",
            "java.util.UUID", "java.util.Date", "java.util.Locale", "java.util.Currency", "java.util.BitSet",
            "java.time.Ser", "java.net.URI");

    private static final List<String> PLATFORM_PREFIXES =
            List.of("java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.");

    /** The codes by which a stream names a primitive array's element type: {@code [I} is an {@code int[]}. */
    private static final String PRIMITIVE_CODES = "ZBCSIJFD";

    private final Set<String> classes;
    private final List<String> packages;

    private ClassAllowList(Set<String> classes, List<String> packages) {
        this.classes = Set.copyOf(classes);
        this.packages = List.copyOf(packages);
    }

    /**
     * @param beanClasses the classes of the persistent beans
     * @param extra       class names, or package names ending in {@code .} or {@code .*}, from
     *                    {@code tether.serialization.allow}
     */
    public static ClassAllowList of(Collection<Class<?>> beanClasses, Collection<String> extra) {
        Set<String> classes = new HashSet<>(JDK_TYPES);
        Set<Class<?>> visited = new HashSet<>();
        beanClasses.forEach(type -> collectApplicationTypes(type, visited));
        visited.forEach(type -> classes.add(type.getName()));
        List<String> packages = extra.stream()
                .filter(name -> name.endsWith(".") || name.endsWith(".*"))
                .map(name -> name.endsWith("*") ? name.substring(0, name.length() - 1) : name)
                .toList();
        extra.stream().filter(name -> !name.endsWith(".") && !name.endsWith(".*")).forEach(classes::add);
        return new ClassAllowList(classes, packages);
    }

    /** Takes a name as the stream spells it: {@code [Lcom.example.Item;} and {@code [[I} included. */
    public boolean allows(String className) {
        String name = className;
        while (name.startsWith("[")) {
            name = name.substring(1);
        }
        if (name.length() == 1) {
            // a primitive's code, only as an array's element type; "a" alone is a class in the unnamed package
            return name.length() < className.length() && PRIMITIVE_CODES.indexOf(name.charAt(0)) >= 0;
        }
        if (name.startsWith("L") && name.endsWith(";")) {
            name = name.substring(1, name.length() - 1);
        }
        if (classes.contains(name)) {
            return true;
        }
        for (String prefix : packages) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void collectApplicationTypes(Type type, Set<Class<?>> visited) {
        if (type instanceof Class<?> cls) {
            if (cls.isArray()) {
                collectApplicationTypes(cls.getComponentType(), visited);
                return;
            }
            if (cls.isPrimitive() || isPlatform(cls) || !visited.add(cls)) {
                return;
            }
            for (Class<?> c = cls; c != null && c != Object.class && !isPlatform(c); c = c.getSuperclass()) {
                visited.add(c);
                for (Field field : c.getDeclaredFields()) {
                    int mods = field.getModifiers();
                    if (!Modifier.isStatic(mods) && !Modifier.isTransient(mods)) {
                        collectApplicationTypes(field.getGenericType(), visited);
                    }
                }
            }
        } else if (type instanceof ParameterizedType parameterized) {
            collectApplicationTypes(parameterized.getRawType(), visited);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectApplicationTypes(argument, visited);
            }
        } else if (type instanceof GenericArrayType array) {
            collectApplicationTypes(array.getGenericComponentType(), visited);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                collectApplicationTypes(bound, visited);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            // only the raw bounds: a bound may mention the variable itself (T extends Comparable<T>)
            for (Type bound : variable.getBounds()) {
                if (bound instanceof ParameterizedType parameterized) {
                    bound = parameterized.getRawType();
                }
                collectApplicationTypes(bound, visited);
            }
        }
    }

    private static boolean isPlatform(Class<?> cls) {
        String name = cls.getName();
        return PLATFORM_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
