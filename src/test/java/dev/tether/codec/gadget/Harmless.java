package dev.tether.codec.gadget;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Written into test streams in place of {@link Tripwire}, whose name (of the same length) is then patched into
 * the bytes: the test never has to load the class it proves is never loaded.
 */
public class Harmless implements Comparator<Object>, Serializable {

    private static final long serialVersionUID = 7L;

    @Override
    public int compare(Object a, Object b) {
        return 0;
    }
}
