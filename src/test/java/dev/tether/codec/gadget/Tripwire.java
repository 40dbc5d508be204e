package dev.tether.codec.gadget;

import java.io.Serializable;
import java.util.Comparator;

/**
 * The class outside the allow-list that a gadget stream names. Its static initializer reports to
 * {@link GadgetAlarm} which class loader initialized it; the tests load it only through their own loader.
 */
public class Tripwire implements Comparator<Object>, Serializable {

    private static final long serialVersionUID = 7L;

    static {
        GadgetAlarm.initializedIn(Tripwire.class.getClassLoader());
    }

    @Override
    public int compare(Object a, Object b) {
        return 0;
    }
}
