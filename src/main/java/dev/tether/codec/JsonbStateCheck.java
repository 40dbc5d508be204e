package dev.tether.codec;

import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * Whether the {@link JsonbCodec} can store a bean and give its state back, asked at deployment so that no bean
 * silently keeps nothing. Two checks: the declared types of its fields, followed into the application's classes,
 * are ones JSON-B can write and read back as the same type (no interface without an implementation, no final field
 * in a nested object, no {@code Object}); and a freshly constructed instance round-trips, each field reading back
 * as it was written.
 */
public final class JsonbStateCheck {

    /** The JDK's types JSON-B writes and reads by itself (besides primitives, their boxes, enums and java.time). */
    private static final Set<Class<?>> JDK_VALUES = Set.of(String.class, Character.class, BigDecimal.class,
            BigInteger.class, URI.class, URL.class, UUID.class, Date.class, Calendar.class, TimeZone.class,
            OptionalInt.class, OptionalLong.class, OptionalDouble.class);

    private final JsonbCodec codec;

    public JsonbStateCheck(JsonbCodec codec) {
        this.codec = codec;
    }

    /**
     * What stops JSON-B from storing the state of {@code type}, naming the field and the type at fault, or empty
     * when nothing does.
     */
    public Optional<String> problemOf(Class<?> type) {
        if (!JsonbCodec.writesFieldsOf(type)) {
            return problemOfValue(type, type.getName(), Map.of(), new HashSet<>());
        }
        Set<Class<?>> seen = new HashSet<>(Set.of(type));
        Set<String> names = new HashSet<>();
        for (Field field : JsonbCodec.jsonFields(type)) {
            String where = "field '" + field.getName() + "' of " + type.getName();
            if (!names.add(JsonbCodec.jsonName(field))) {
                return Optional.of(where + " is stored under the name '" + JsonbCodec.jsonName(field)
                        + "', which another of its fields (or its subclass's) has; rename one of them");
            }
            Optional<String> problem = problemOfValue(field.getGenericType(), where, Map.of(), seen);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return problemOfRoundTrip(type);
    }

    /** Encodes a fresh instance, decodes it, and compares field by field. */
    private Optional<String> problemOfRoundTrip(Class<?> type) {
        Object fresh;
        Object read;
        try {
            fresh = JsonbCodec.newInstance(type);
            read = codec.decode(codec.encode(fresh), type);
        } catch (RuntimeException e) {
            return Optional.of("a new " + type.getName() + " does not survive writing and reading: " + e.getMessage());
        }
        for (Field field : JsonbCodec.jsonFields(type)) {
            try {
                String written = codec.valueAsJson(field.get(fresh), field.getGenericType());
                String readBack = codec.valueAsJson(field.get(read), field.getGenericType());
                if (!written.equals(readBack)) {
                    return Optional.of("field '" + field.getName() + "' of " + type.getName() + " is written as "
                            + written + " but reads back as " + readBack);
                }
            } catch (IllegalAccessException | RuntimeException e) {
                return Optional.of("field '" + field.getName() + "' of " + type.getName()
                        + " cannot be compared after reading: " + e);
            }
        }
        return Optional.empty();
    }

    private Optional<String> problemOfValue(Type type, String where, Map<TypeVariable<?>, Type> bound,
                                            Set<Class<?>> seen) {
        if (type instanceof Class<?> c) {
            return problemOfClass(c, where, seen);
        } else if (type instanceof GenericArrayType array) {
            return problemOfValue(array.getGenericComponentType(), where, bound, seen);
        } else if (type instanceof TypeVariable<?> variable && bound.containsKey(variable)) {
            return problemOfValue(bound.get(variable), where, bound, seen);
        } else if (type instanceof WildcardType wildcard && wildcard.getLowerBounds().length == 0) {
            return problemOfValue(wildcard.getUpperBounds()[0], where, bound, seen);
        } else if (type instanceof ParameterizedType parameterized) {
            return problemOfParameterized(parameterized, where, bound, seen);
        }
        return Optional.of(where + " is of type " + type.getTypeName() + ", which JSON-B reads back as a map or a "
                + "string, not as what was written; declare a concrete type");
    }

    private Optional<String> problemOfParameterized(ParameterizedType type, String where,
                                                    Map<TypeVariable<?>, Type> bound, Set<Class<?>> seen) {
        Class<?> raw = (Class<?>) type.getRawType();
        Type[] arguments = type.getActualTypeArguments();
        for (Type argument : arguments) {
            Optional<String> problem = problemOfValue(argument, where + " (in " + type.getTypeName() + ")", bound,
                    seen);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (raw == Optional.class) {
            // JSON-B writes an Optional as its value or null, and reads null back as empty()
            return Optional.empty();
        }
        if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            return problemOfContainer(raw, where);
        }
        Map<TypeVariable<?>, Type> own = new HashMap<>();
        TypeVariable<?>[] variables = raw.getTypeParameters();
        for (int i = 0; i < variables.length; i++) {
            own.put(variables[i], arguments[i]);
        }
        return problemOfFields(raw, where, own, seen);
    }

    private Optional<String> problemOfClass(Class<?> type, String where, Set<Class<?>> seen) {
        if (type.isPrimitive() || type.isEnum() || JDK_VALUES.contains(type) || isBox(type)
                || "java.time".equals(type.getPackageName())) {
            return Optional.empty();
        } else if (type.isArray()) {
            return problemOfClass(type.getComponentType(), where, seen);
        } else if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || type == Optional.class) {
            return Optional.of(where + " is a raw " + type.getName() + ": JSON-B cannot know the type of its "
                    + "elements and reads them back as maps or strings; declare the element type");
        } else if (type == Object.class) {
            return Optional.of(where + " is of type Object: JSON-B reads it back as a map, a list, a string or a "
                    + "number, not as what was written; declare a concrete type");
        } else if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.of(where + " is of type " + type.getName() + ", an interface or abstract class: JSON-B "
                    + "stores no class name, so it cannot know which class to create when reading it back; "
                    + "declare a concrete class");
        } else if (JsonbCodec.isJdkType(type)) {
            return Optional.of(where + " is a " + type.getName() + ", which JSON-B has no JSON form for");
        }
        return problemOfFields(type, where, Map.of(), seen);
    }

    private Optional<String> problemOfContainer(Class<?> raw, String where) {
        boolean creatable = raw.isInterface() ? raw.getPackageName().equals("java.util")
                : JsonbCodec.isJdkType(raw) && hasPublicNoArgConstructor(raw);
        return creatable ? Optional.empty() : Optional.of(where + " is a " + raw.getName()
                + ", which JSON-B cannot create when reading it back; declare a List, Set or Map");
    }

    /** An object of an application class nested in the bean: JSON-B itself creates it and sets its fields. */
    private Optional<String> problemOfFields(Class<?> type, String where, Map<TypeVariable<?>, Type> bound,
                                             Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return Optional.empty();
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Optional<String> problem = problemOfValue(component.getGenericType(), "component '"
                        + component.getName() + "' of " + type.getName() + " (in " + where + ")", bound, seen);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        Optional<String> creation = problemOfCreation(type, where);
        if (creation.isPresent()) {
            return creation;
        }
        for (Field field : StoredFields.of(type)) {
            String inner = "field '" + field.getName() + "' of " + type.getName() + " (in " + where + ")";
            if (Modifier.isFinal(field.getModifiers())) {
                return Optional.of(inner + " is final: JSON-B never sets a final field of a nested object, so it "
                        + "would come back as its constructor left it; make it non-final");
            }
            Optional<String> problem = problemOfValue(field.getGenericType(), inner, bound, seen);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Asks JSON-B itself to create one from an empty object: it needs a constructor it may call. */
    private Optional<String> problemOfCreation(Class<?> type, String where) {
        try (JsonReader empty = Json.createReader(new StringReader("{}"))) {
            JsonObject nothing = empty.readObject();
            Objects.requireNonNull(codec.valueFromJson(nothing, type));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(where + " holds a " + type.getName() + ", which JSON-B cannot create (it needs a "
                    + "public class with a public or protected constructor without parameters): " + e.getMessage());
        }
    }

    private static boolean hasPublicNoArgConstructor(Class<?> type) {
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean isBox(Class<?> type) {
        return type == Boolean.class || type == Byte.class || type == Short.class || type == Integer.class
                || type == Long.class || type == Float.class || type == Double.class;
    }
}
