package dev.tether.context;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import dev.tether.ConfigKeys;
import dev.tether.SessionTooLargeException;
import dev.tether.config.SizeLimits;
import dev.tether.spi.StoredBean;

/** Applies {@link SizeLimits} to the bytes of beans: refuses to store too much, refuses to read too much. */
final class StateSizes {

    private static final Logger LOG = Logger.getLogger(StateSizes.class.getName());

    private final SizeLimits limits;

    StateSizes(SizeLimits limits) {
        this.limits = limits;
    }

    /**
     * Why a stored bean is not decoded, or empty when it is: its own state over the bean limit (the store then did
     * not even fetch its bytes), or the state this unit has already decoded plus this bean's over the session
     * limit. Tether never stores that much under the same limits; a limit lowered since, or rows written by other
     * means, can leave it in the database.
     *
     * @param decodedBefore the bytes of the beans this unit has decoded so far
     */
    Optional<String> whyUnreadable(StoredBean row, long decodedBefore) {
        if (row.size() > limits.maxBeanBytes()) {
            return Optional.of("its stored state is " + row.size() + " bytes, more than " + ConfigKeys.MAX_BEAN_BYTES
                    + "=" + limits.maxBeanBytes());
        }
        if (decodedBefore + row.size() > limits.maxSessionBytes()) {
            return Optional.of("its " + row.size() + " stored bytes would take what this request has read of the "
                    + "session to " + (decodedBefore + row.size()) + " bytes, more than " + ConfigKeys.MAX_SESSION_BYTES
                    + "=" + limits.maxSessionBytes());
        }
        return Optional.empty();
    }

    /** @throws SessionTooLargeException when one bean's new state is over the limit */
    void checkBean(String key, byte[] state) {
        if (state.length > limits.maxBeanBytes()) {
            throw refused("bean " + key + " would be stored as " + state.length
                    + " bytes, more than " + ConfigKeys.MAX_BEAN_BYTES + "=" + limits.maxBeanBytes()
                    + "; nothing of this request's session changes was stored");
        }
    }

    /**
     * @param before the size of every bean as stored now, by key
     * @param after  the size of every bean once this unit's changes are written, by key
     * @throws SessionTooLargeException when the session grows past the limit; a write that does not make the
     *         session larger is always allowed, so lowering the limit never locks an existing session
     */
    void checkSession(Map<String, Integer> before, Map<String, Integer> after) {
        long old = total(before);
        long now = total(after);
        if (now > limits.maxSessionBytes() && now > old) {
            throw refused("the session would be stored as " + now + " bytes, more than "
                    + ConfigKeys.MAX_SESSION_BYTES + "=" + limits.maxSessionBytes()
                    + "; nothing of this request's session changes was stored");
        }
    }

    private static SessionTooLargeException refused(String why) {
        LOG.warning(() -> "Tether: " + why);
        return new SessionTooLargeException(why);
    }

    private static long total(Map<String, Integer> sizes) {
        return sizes.values().stream().mapToLong(Integer::longValue).sum();
    }
}
