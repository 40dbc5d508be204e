package dev.tether.context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The beans a unit's application reached after write-back (a page that goes on using beans after its response
 * started), and whether it changed them: such changes are not stored, and the boundary says so. Not thread-safe:
 * the unit calls it under its lock.
 */
final class LateChanges {

    private static final Logger LOG = Logger.getLogger(LateChanges.class.getName());

    private final Set<String> usedAfterWriteBack = new HashSet<>();
    /** Kept as write-back made it, not copied by key: it is searched only in the rare unit used after write-back. */
    private List<ChangeSet.Encoded> encodedAtWriteBack = List.of();

    /** A bean the application reached after write-back. */
    void used(String key) {
        usedAfterWriteBack.add(key);
    }

    /** Each bean's encoding as write-back saw it: what a later change is told from. */
    void writtenBack(List<ChangeSet.Encoded> encoded) {
        encodedAtWriteBack = encoded;
    }

    /**
     * The keys of the beans changed after write-back.
     *
     * @param alreadyKnown beans reported before, not checked again (each check costs an encode)
     */
    List<String> changed(BeanInstances beans, BeanLifecycle lifecycle, Predicate<String> alreadyKnown) {
        List<String> changed = new ArrayList<>();
        for (String key : usedAfterWriteBack) {
            if (alreadyKnown.test(key)) {
                continue;
            }
            BeanInstances.Held held = beans.get(key);
            byte[] before = encodedAtWriteBack(key).orElse(held == null ? null : held.asLoaded());
            if (held != null && before != null && !sameEncoding(lifecycle, held, before)) {
                changed.add(key);
            }
        }
        return changed;
    }

    private Optional<byte[]> encodedAtWriteBack(String key) {
        return encodedAtWriteBack.stream().filter(bean -> bean.key().equals(key)).findFirst().map(ChangeSet.Encoded::now);
    }

    /**
     * A bean that cannot be encoded now (no longer serializable, or changed by another thread while encoding)
     * cannot be compared: it is not reported, since the request is over and must not fail; why goes to the log.
     */
    private static boolean sameEncoding(BeanLifecycle lifecycle, BeanInstances.Held held, byte[] before) {
        try {
            return Arrays.equals(lifecycle.encode(held.bean(), held.instance()), before);
        } catch (RuntimeException unwritable) {
            LOG.log(Level.FINE, "Tether: " + held.bean().key() + " cannot be compared after write-back", unwritable);
            return true;
        }
    }
}
