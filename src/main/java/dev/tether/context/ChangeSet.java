package dev.tether.context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.tether.spi.SessionChanges.BeanDelete;
import dev.tether.spi.SessionChanges.BeanWrite;

/**
 * The bean rows a unit of work writes: a pure function of what it holds now (each bean encoded at write-back,
 * beside its encoding as loaded) and what it destroyed. A bean is written only when its bytes differ from its
 * bytes as loaded, and every update and delete names the version it was read at.
 */
record ChangeSet(List<BeanWrite> inserts, List<BeanWrite> updates, List<BeanDelete> deletes) {

    /** One held bean at write-back. */
    record Encoded(String key, String codec, byte[] now, byte[] asLoaded, long version, boolean hasRow) {

        boolean changed() {
            return asLoaded == null || !Arrays.equals(now, asLoaded);
        }
    }

    /**
     * @param held       every bean the unit holds, encoded now
     * @param destroyed  versions of the stored beans the unit destroyed, by key
     * @param checked    whether a bean's writes are checked against its version (not last-write-wins)
     */
    static ChangeSet between(List<Encoded> held, Map<String, Long> destroyed, Predicate<String> checked) {
        List<BeanWrite> inserts = new ArrayList<>();
        List<BeanWrite> updates = new ArrayList<>();
        for (Encoded bean : held) {
            if (bean.changed()) {
                BeanWrite write = new BeanWrite(bean.key(), bean.codec(), bean.now(), bean.version(),
                        checked.test(bean.key()));
                (bean.hasRow() ? updates : inserts).add(write);
            }
        }
        List<BeanDelete> deletes = destroyed.entrySet().stream()
                .map(row -> new BeanDelete(row.getKey(), row.getValue(), checked.test(row.getKey())))
                .toList();
        return new ChangeSet(inserts, updates, deletes);
    }

    /** Whether any bean gets new state (not only deleted): the writes the size limits apply to. */
    boolean storesState() {
        return !inserts.isEmpty() || !updates.isEmpty();
    }
}
