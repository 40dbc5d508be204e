package dev.tether.store;

/**
 * One bean's stored state.
 *
 * @param key     the stable bean key (bean class plus qualifiers)
 * @param codec   the name of the codec that wrote {@code state}
 * @param version incremented by each write; a write names the version it read, which is how concurrent
 *                changes to one bean are detected
 */
public record StoredBean(String key, String codec, byte[] state, long version) {
}
