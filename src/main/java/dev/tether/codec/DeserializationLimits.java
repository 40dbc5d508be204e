package dev.tether.codec;

import java.io.ObjectInputFilter;

/**
 * Structural bounds for one stored bean, checked by the JVM before each object or array is allocated.
 * An array can never be longer than the stream that declares it, so the stream's own length bounds every
 * array: a few bytes that claim a billion elements are refused, not allocated.
 *
 * @param maxDepth      how deeply objects may nest
 * @param maxReferences how many objects and handles one bean may hold
 */
public record DeserializationLimits(int maxDepth, int maxReferences) {

    public static final DeserializationLimits DEFAULT = new DeserializationLimits(32, 100_000);

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
