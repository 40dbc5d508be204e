package dev.tether.codec;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import dev.tether.spi.BeanCodec;
import dev.tether.spi.UnreadableStateException;
import dev.tether.spi.UnwritableStateException;

/**
 * JSON-B: the bean's state readable in the database, and tolerant of fields added or removed between versions.
 * Like the Java codec it stores the bean's fields ({@link StoredFields}: non-static, non-transient, any visibility),
 * never its getters and setters, so a bean written like any other (a private counter with {@code inc()}, a final
 * list with a getter) keeps its state.
 *
 * <p>A bean of an application class is written as one JSON object, field name to value, each value bound by JSON-B
 * with the field's declared generic type; it is read back into an instance from the class's constructor without
 * parameters (any visibility), its fields set by reflection, final ones included. A field the JSON lacks keeps what
 * the constructor gave it (a field added since), a name the class lacks is ignored (a field removed since). Values
 * inside fields (lists, maps, objects of the application's classes) are JSON-B's own: objects by their fields, of
 * any visibility; JSON-B cannot set their final fields nor pick a class for an interface, which
 * {@link JsonbStateCheck} refuses at deployment. Other values (a producer's {@code List}, a record) are JSON-B's
 * own as a whole.
 *
 * <p>Why the bean's own fields are written here and not by JSON-B: JSON-B never sets a final field (the Quick
 * start's {@code Cart} would come back empty), and the bean's state is by definition its fields, which this codec
 * and the bean lifecycle read from the same list. No class name is ever read from the bytes, so there is nothing to
 * allow-list.
 */
public final class JsonbCodec implements BeanCodec {

    public static final String NAME = "jsonb";

    /**
     * How deeply arrays and objects may nest in stored JSON. JSON-B binds nested values recursively, so a deep
     * enough document (a few hundred levels) ends in a {@link StackOverflowError}; a bean's state nests a few
     * levels (bean, map, list, item, value).
     */
    static final int MAX_DEPTH = 64;

    private final Jsonb jsonb;
    private final JsonParserFactory parsers;

    public JsonbCodec() {
        this.jsonb = JsonbBuilder.create(new JsonbConfig().withPropertyVisibilityStrategy(new FieldsOnly()));
        this.parsers = Json.createParserFactory(Map.of());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] encode(Object bean) {
        if (writesFieldsOf(bean.getClass())) {
            BackReferences.in(bean, jsonFields(bean.getClass())).ifPresent(path -> {
                throw new UnwritableStateException(bean.getClass().getName() + " cannot be written as JSON: the "
                        + "value at " + path + " is an object that holds it (a back-reference, a cycle), and JSON "
                        + "holds no cycle; mark the back-reference transient or @JsonbTransient, or store the bean "
                        + "with @StoreAs(StoreAs.Format.JAVA)", null);
            });
        }
        try {
            String json = writesFieldsOf(bean.getClass()) ? fieldsAsJson(bean) : jsonb.toJson(bean);
            return json.getBytes(StandardCharsets.UTF_8);
        } catch (JsonbException e) {
            throw new UnwritableStateException(bean.getClass().getName() + " cannot be written as JSON: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public <T> T decode(byte[] bytes, Class<T> type) {
        try {
            checkWellFormed(bytes);
            String json = new String(bytes, StandardCharsets.UTF_8);
            T bean = writesFieldsOf(type) ? fromFields(json, type) : jsonb.fromJson(json, type);
            if (bean == null) {
                throw new UnreadableStateException("the stored state is JSON null, not a " + type.getName(), null);
            }
            return bean;
        } catch (UnreadableStateException e) {
            throw e;
        } catch (RuntimeException e) {
            // whatever the binding throws on stored bytes, the bean starts fresh rather than failing the request
            throw new UnreadableStateException(e.toString(), e);
        }
    }

    /**
     * Whether a value of {@code type} is written field by field by this codec: a concrete class of the application.
     * The JDK's types, records, enums and arrays are JSON-B's own.
     */
    static boolean writesFieldsOf(Class<?> type) {
        return !type.isInterface() && !type.isArray() && !type.isEnum() && !type.isRecord() && !type.isPrimitive()
                && !Modifier.isAbstract(type.getModifiers()) && !isJdkType(type);
    }

    static boolean isJdkType(Class<?> type) {
        String module = type.getModule().getName();
        return module != null && (module.startsWith("java.") || module.startsWith("jdk."));
    }

    /** The JSON of one value as JSON-B writes it for a declared type: how each field of a bean is written. */
    String valueAsJson(Object value, Type declared) {
        return value == null ? "null" : jsonb.toJson(value, declared);
    }

    /** One value read back as JSON-B reads it for a declared type. */
    Object valueFromJson(JsonValue json, Type declared) {
        // JSON null is null, except for the Optional types, which JSON-B reads back as empty()
        return json.getValueType() == JsonValue.ValueType.NULL && !isOptional(declared) ? null
                : jsonb.fromJson(json.toString(), declared);
    }

    private static boolean isOptional(Type declared) {
        Type raw = declared instanceof ParameterizedType parameterized ? parameterized.getRawType() : declared;
        return raw == Optional.class || raw == OptionalInt.class || raw == OptionalLong.class
                || raw == OptionalDouble.class;
    }

    /**
     * The bean's fields this codec writes: its stored fields but those marked {@code @JsonbTransient}, which keep
     * what the constructor gives them, as they would under JSON-B alone.
     */
    static List<Field> jsonFields(Class<?> type) {
        return StoredFields.of(type).stream().filter(field -> !field.isAnnotationPresent(JsonbTransient.class))
                .toList();
    }

    /** A field's key in the stored JSON: its {@code @JsonbProperty} name, or its own. */
    static String jsonName(Field field) {
        JsonbProperty property = field.getAnnotation(JsonbProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    private String fieldsAsJson(Object bean) {
        StringBuilder json = new StringBuilder("{");
        for (Field field : jsonFields(bean.getClass())) {
            if (json.length() > 1) {
                json.append(',');
            }
            // a @JsonbProperty name may hold characters JSON escapes: written as a JSON string
            json.append(Json.createValue(jsonName(field))).append(':')
                    .append(valueAsJson(read(field, bean), field.getGenericType()));
        }
        return json.append('}').toString();
    }

    private <T> T fromFields(String json, Class<T> type) {
        JsonObject stored;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            stored = reader.readObject();
        }
        T bean = newInstance(type);
        for (Field field : jsonFields(type)) {
            JsonValue value = stored.get(jsonName(field));
            if (value != null) {
                Object read = fieldFromJson(value, field, type);
                if (read == null && field.getType().isPrimitive()) {
                    throw new UnreadableStateException("field '" + field.getName() + "' of " + type.getName()
                            + " is a " + field.getType() + " and the stored value is null", null);
                }
                write(field, bean, read);
            }
        }
        return bean;
    }

    /**
     * One field's stored value read as the field's type. A value that does not read (a field whose type changed
     * since it was written) is reported with the field, the kind of JSON stored and the type: JSON-B's own message
     * often names neither. The stored value itself is left out, since it may be personal data.
     */
    private Object fieldFromJson(JsonValue value, Field field, Class<?> type) {
        try {
            return valueFromJson(value, field.getGenericType());
        } catch (RuntimeException e) {
            throw new UnreadableStateException("the stored field '" + jsonName(field) + "' of " + type.getName()
                    + " is " + kindOf(value) + ", which does not read as " + field.getGenericType().getTypeName(), e);
        }
    }

    private static String kindOf(JsonValue value) {
        return switch (value.getValueType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    /** An instance of a bean class from its constructor without parameters, of any visibility. */
    static <T> T newInstance(Class<T> type) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new UnreadableStateException(type.getName() + " cannot be created from its constructor without "
                    + "parameters: " + e, e);
        }
    }

    private static Object read(Field field, Object bean) {
        try {
            return field.get(bean);
        } catch (IllegalAccessException e) {
            throw new UnwritableStateException("field " + field + " cannot be read: " + e, e);
        }
    }

    private static void write(Field field, Object bean, Object value) {
        try {
            field.set(bean, value);
        } catch (IllegalAccessException e) {
            throw new UnreadableStateException("field " + field + " cannot be set: " + e, e);
        }
    }

    /**
     * Reads the whole document once with the streaming parser, which holds no stack of its own. Yasson 3.0 with
     * Parsson 1.1 (as in WildFly 39) loops forever when it skips the value of an unknown property that the input
     * cuts short ({"x":[), found by CodecReadFuzzTest; the streaming parser reports the early end instead. And
     * binding recurses once per level of nesting, so the depth is bounded here, before any binding.
     *
     * @throws JsonException when the bytes are not one complete JSON document
     * @throws UnreadableStateException when arrays and objects nest deeper than {@link #MAX_DEPTH}
     */
    private void checkWellFormed(byte[] bytes) {
        try (JsonParser parser = parsers.createParser(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            int depth = 0;
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_ARRAY, START_OBJECT -> {
                        if (++depth > MAX_DEPTH) {
                            throw new UnreadableStateException("the stored JSON nests deeper than " + MAX_DEPTH
                                    + " levels", null);
                        }
                    }
                    case END_ARRAY, END_OBJECT -> depth--;
                    default -> {
                    }
                }
            }
        }
    }

    /**
     * The state of a value is its fields, whatever their visibility, never its getters and setters. The JDK's
     * types are JSON-B's own, and their private fields are closed to it anyway.
     */
    private static final class FieldsOnly implements PropertyVisibilityStrategy {

        @Override
        public boolean isVisible(Field field) {
            return !isJdkType(field.getDeclaringClass());
        }

        @Override
        public boolean isVisible(Method method) {
            return false;
        }
    }
}
