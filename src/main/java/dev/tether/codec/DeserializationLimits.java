package dev.tether.codec;

import java.io.ObjectInputFilter;

/**
 * Structural bounds for one stored bean, checked by the JVM before each object or array is allocated.
 * An array can never be longer than the stream that declares it, so the stream's own length bounds every
 * array: a few bytes that claim a billion elements are refused, not allocated.
 *
 * <p>The depth bound also bounds the cost of shapes that are small but expensive to rebuild: sets that each
 * hold the next two, shared, make a stream of a few hundred bytes whose reading hashes 2^depth sets. At
 * depth 20 that is about a second of CPU at worst; at 32 it was minutes.
 *
 * @param maxDepth      how deeply objects may nest
 * @param maxReferences how many objects and handles one bean may hold
 */
public record DeserializationLimits(int maxDepth, int maxReferences) {

    /** Depth 20: a bean, a map, a list, an item and its values use fewer than ten. */
    public static final DeserializationLimits DEFAULT = new DeserializationLimits(20, 100_000);

    ObjectInputFilter filterFor(int streamLength) {
        return info -> {
            if (info.depth() > maxDepth || info.references() > maxReferences
                    || info.arrayLength() > streamLength || info.streamBytes() > streamLength) {
                return ObjectInputFilter.Status.REJECTED;
            }
            return ObjectInputFilter.Status.UNDECIDED;
        };
    }
}
