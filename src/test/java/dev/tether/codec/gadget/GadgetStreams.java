package dev.tether.codec.gadget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/** Hostile serialized streams, built the way an attacker who can write to the bean table would build them. */
public final class GadgetStreams {

    private GadgetStreams() {
    }

    /**
     * A {@code PriorityQueue} whose comparator is a {@link Tripwire}: reading it calls the comparator while
     * the queue is rebuilt, the entry point of the well-known gadget chains.
     */
    public static byte[] priorityQueueWithComparatorOutsideTheList() {
        PriorityQueue<Object> queue = new PriorityQueue<>(2, new Harmless());
        queue.add("a");
        queue.add("b");
        return tripwired(serialize(new Box(queue)));
    }

    /** A {@code HashMap} (on the allow-list) whose key is a {@link Tripwire} (not on it). */
    public static byte[] hashMapWithKeyOutsideTheList() {
        Map<Object, Object> map = new HashMap<>();
        map.put(new Harmless(), "value");
        return tripwired(serialize(new Box(map)));
    }

    /** The same map with a key of an allowed type: the control that shows the reader does load what it may. */
    public static byte[] hashMapWithAllowedKey() {
        return serialize(new Box(new HashMap<>(Map.of("key", "value"))));
    }

    /** A {@code long[]} that declares almost 2^31 elements (16 GiB) in a stream of a few dozen bytes. */
    public static byte[] arrayDeclaringAHugeLength() {
        byte[] bytes = serialize(new long[] {1, 2, 3});
        int lengthAt = bytes.length - 3 * Long.BYTES - Integer.BYTES;
        ByteBuffer.wrap(bytes).putInt(lengthAt, Integer.MAX_VALUE - 8);
        return bytes;
    }

    /** An empty {@code HashMap} patched to declare 2^31 mappings: read naively, its table takes gigabytes. */
    public static byte[] hashMapDeclaringAHugeSize() {
        byte[] bytes = serialize(new Box(new HashMap<>()));
        // the stream ends with the map's block data [buckets, size], TC_ENDBLOCKDATA, then Box's end
        int sizeAt = lastIndexOf(bytes, new byte[] {0x77, 0x08}) + 2 + Integer.BYTES;
        ByteBuffer.wrap(bytes).putInt(sizeAt, Integer.MAX_VALUE - 8);
        return bytes;
    }

    /** Lists nested {@code levels} deep: each level costs a little stream and a frame of recursion. */
    public static byte[] deeplyNestedLists(int levels) {
        List<Object> outer = new ArrayList<>();
        List<Object> current = outer;
        for (int i = 0; i < levels; i++) {
            List<Object> inner = new ArrayList<>();
            current.add(inner);
            current = inner;
        }
        return serialize(new Box(outer));
    }

    /**
     * Sets nested {@code levels} deep, each holding the next two, shared: a few hundred bytes whose reading
     * hashes 2^levels sets (the "SerialDOS" shape).
     */
    public static byte[] exponentialHashSets(int levels) {
        Set<Object> root = new HashSet<>();
        Set<Object> left = root;
        Set<Object> right = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            Set<Object> nextLeft = new HashSet<>();
            Set<Object> nextRight = new HashSet<>();
            nextLeft.add("level " + i);
            left.add(nextLeft);
            left.add(nextRight);
            right.add(nextLeft);
            right.add(nextRight);
            left = nextLeft;
            right = nextRight;
        }
        return serialize(new Box(root));
    }

    public static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] tripwired(byte[] stream) {
        byte[] from = Harmless.class.getName().getBytes(StandardCharsets.UTF_8);
        byte[] to = RecordingClassLoader.TRIPWIRE.getBytes(StandardCharsets.UTF_8);
        int at = lastIndexOf(stream, from);
        if (at < 0 || from.length != to.length) {
            throw new IllegalStateException("the stand-in's name is not in the stream, or not as long as the gadget's");
        }
        byte[] patched = stream.clone();
        System.arraycopy(to, 0, patched, at, to.length);
        return patched;
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
