package dev.tether.spi;

/**
 * Turns the state of one bean into bytes and back. The codec's {@link #name()} is stored beside the bytes,
 * so a bean written by one codec is still read by it after the configured default changes.
 */
public interface BeanCodec {

    /** The short name stored with each bean and used in {@code tether.codec}. */
    String name();

    byte[] encode(Object bean);

    /**
     * @throws UnreadableStateException when the bytes do not make an instance of {@code type}: corrupted,
     *         written by an incompatible version of the class, or refused by a safety check
     */
    <T> T decode(byte[] bytes, Class<T> type);
}
