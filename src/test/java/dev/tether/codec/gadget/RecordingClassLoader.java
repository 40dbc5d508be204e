package dev.tether.codec.gadget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fresh class loader that records every class it is asked for. It defines {@link Box} and {@link Tripwire}
 * itself, so a bean type from it makes deserialization resolve every class through it, and a Tripwire it
 * loads is its own: {@link GadgetAlarm} tells whether that one was initialized.
 */
public final class RecordingClassLoader extends ClassLoader {

    /** Named, not referenced: a class literal would load the class in the tests' own loader. */
    public static final String TRIPWIRE = "dev.tether.codec.gadget.Tripwire";
    private static final String BOX = "dev.tether.codec.gadget.Box";
    private static final Set<String> OWN = Set.of(BOX, TRIPWIRE);

    private final List<String> requested = new CopyOnWriteArrayList<>();

    public RecordingClassLoader() {
        super("recording", RecordingClassLoader.class.getClassLoader());
    }

    public Class<?> box() {
        try {
            return loadClass(BOX);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        requested.add(name);
        if (!OWN.contains(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : defineOwn(name);
        }
    }

    private Class<?> defineOwn(String name) {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every class name this loader was asked for, in order. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    /** Whether {@link Tripwire} was loaded by this loader, initialized or not. */
    public boolean loadedTripwire() {
        return findLoadedClass(TRIPWIRE) != null;
    }
}
