package dev.tether.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import dev.tether.spi.BeanCodec;
import dev.tether.spi.UnreadableStateException;
import dev.tether.spi.UnwritableStateException;

/**
 * Java serialization, read through {@link ClassAllowList} and structural limits. Class names are checked
 * before a class is loaded, so a refused gadget never runs a static initializer; the {@link ObjectInputFilter}
 * bounds depth, references and array lengths before anything is allocated, and applies the JVM-wide filter
 * ({@code jdk.serialFilter}) as well when there is one.
 */
public final class JavaSerializationCodec implements BeanCodec {

    public static final String NAME = "java";

    private final ClassAllowList allowList;
    private final DeserializationLimits limits;

    public JavaSerializationCodec(ClassAllowList allowList, DeserializationLimits limits) {
        this.allowList = allowList;
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] encode(Object bean) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(bean);
        } catch (NotSerializableException e) {
            throw new UnwritableStateException(bean.getClass().getName() + " holds an object of "
                    + e.getMessage() + ", which is not Serializable; make the field transient or the class Serializable", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public <T> T decode(byte[] bytes, Class<T> type) {
        try (ObjectInputStream in = new AllowListObjectInputStream(bytes, type.getClassLoader())) {
            in.setObjectInputFilter(withJvmWideFilter(limits.filterFor(bytes.length)));
            Object value = in.readObject();
            if (!type.isInstance(value)) {
                throw new UnreadableStateException("stored object is " + (value == null ? "null"
                        : "a " + value.getClass().getName()) + ", not a " + type.getName(), null);
            }
            return type.cast(value);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            if (e instanceof UnreadableStateException unreadable) {
                throw unreadable;
            }
            throw new UnreadableStateException(e.toString(), e);
        }
    }

    /**
     * A stream's own filter replaces the JVM-wide one ({@code jdk.serialFilter}), so Tether's limits are merged
     * with it: what the operator refuses for the whole JVM stays refused in session state.
     */
    private static ObjectInputFilter withJvmWideFilter(ObjectInputFilter own) {
        ObjectInputFilter jvmWide = ObjectInputFilter.Config.getSerialFilter();
        return jvmWide == null ? own : ObjectInputFilter.merge(own, jvmWide);
    }

    private final class AllowListObjectInputStream extends ObjectInputStream {

        private final ClassLoader loader;

        AllowListObjectInputStream(byte[] bytes, ClassLoader loader) throws IOException {
            super(new ByteArrayInputStream(bytes));
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String name = desc.getName();
            if (!allowList.allows(name)) {
                // refused as a class that is not there: never loaded, and, as Java serialization treats a missing
                // class, fatal only where its object is needed. Its value in a field the bean's class no longer
                // declares is skipped, so a field removed (or added by a newer version) is a compatible change
                // even when it holds a class the reading version does not know
                throw new ClassNotFoundException(name + " is not in Tether's deserialization allow-list "
                        + "(add it to tether.serialization.allow if it belongs in session state)");
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
            throw new InvalidClassException("dynamic proxies are never part of session state");
        }
    }
}
