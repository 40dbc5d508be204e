package dev.tether.codec;

import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.util.List;

import dev.tether.codec.gadget.Box;
import dev.tether.spi.UnreadableStateException;

/**
 * Run by {@link JvmWideFilterTest} in a JVM of its own, started with a JVM-wide {@code jdk.serialFilter}: prints the
 * filter it runs under, then what Tether's codec makes of a refused class and of a plain string.
 */
final class JvmWideFilterProbe {

    /** A class Tether's own allow-list lets through (the probe lists it) and the JVM-wide filter refuses. */
    static final class RefusedByTheOperator implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private JvmWideFilterProbe() {
    }

    public static void main(String[] args) {
        JavaSerializationCodec codec = new JavaSerializationCodec(
                ClassAllowList.of(List.of(Box.class), List.of(RefusedByTheOperator.class.getName())),
                DeserializationLimits.DEFAULT);
        System.out.println("filter: " + ObjectInputFilter.Config.getSerialFilter());
        System.out.println("refused class: " + outcome(codec, new Box(new RefusedByTheOperator())));
        System.out.println("plain string: " + outcome(codec, new Box("a plain string")));
    }

    private static String outcome(JavaSerializationCodec codec, Box box) {
        try {
            return "read " + codec.decode(codec.encode(box), Box.class).content();
        } catch (UnreadableStateException e) {
            return "unreadable " + e.getMessage();
        }
    }
}
