package dev.tether.spi;

/**
 * One bean's stored state.
 *
 * @param key     the stable bean key (bean class plus qualifiers)
 * @param codec   the name of the codec that wrote {@code state}
 * @param state   the stored bytes; {@code null} when the store withheld them because they are longer than a
 *                request may read ({@code size} still says how long)
 * @param version incremented by each write; a write names the version it read, which is how concurrent
 *                changes to one bean are detected
 * @param size    the length of the stored state in bytes, as the database measured it
 */
public record StoredBean(String key, String codec, byte[] state, long version, long size) {

    /** A bean whose bytes were read in full: its size is their length. */
    public StoredBean(String key, String codec, byte[] state, long version) {
        this(key, codec, state, version, state == null ? 0 : state.length);
    }
}
