package dev.tether.codec.gadget;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/** Which class loaders ran {@link Tripwire}'s static initializer. Shared by every loader of the tests. */
public final class GadgetAlarm {

    private static final Set<ClassLoader> INITIALIZED = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private GadgetAlarm() {
    }

    public static void initializedIn(ClassLoader loader) {
        INITIALIZED.add(loader);
    }

    public static boolean wentOffIn(ClassLoader loader) {
        return INITIALIZED.contains(loader);
    }
}
