package dev.tether.context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tether.ConcurrencyPolicy;
import dev.tether.SessionIdChanged;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionChanges.BeanWrite;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionUpdate;
import dev.tether.spi.StoredSession;

/**
 * What write-back sends to the store ({@code null}: nothing), what the client is told once it is stored, and the new
 * ID it announces ({@code null}: none): made from the unit's beans, encoded now, and its session state, with the size
 * limits applied. A new session is stored only when a bean differs from how it was created or the session must be
 * (an ID handed out, a login).
 */
record WritePlan(SessionChanges changes, WriteBack result, IdChange idChange) {

    /** A stored session's new ID: the row as the plan leaves it, and what changed the ID. */
    record IdChange(SessionRow row, SessionIdChanged.Cause cause) {
    }

    WritePlan(SessionChanges changes, WriteBack result) {
        this(changes, result, null);
    }

    /** Every bean the unit holds, encoded now, beside its encoding as loaded. */
    static List<ChangeSet.Encoded> encode(SessionRuntime runtime, BeanInstances beans) {
        return beans.all().stream().map(held -> new ChangeSet.Encoded(held.bean().key(),
                runtime.lifecycle().writerFor(held.bean()).name(),
                runtime.lifecycle().encode(held.bean(), held.instance()), held.asLoaded(), held.version(),
                held.hasRow())).toList();
    }

    /**
     * @param stored      the session as loaded, or {@code null} for a new one
     * @param invalidated whether the unit ended the session the client presented
     * @throws dev.tether.SessionTooLargeException when a bean or the session would be stored over its limit
     */
    static WritePlan of(SessionRuntime runtime, List<ChangeSet.Encoded> encoded, Map<String, Long> destroyed,
                        StoredSession stored, SessionState state, boolean invalidated) {
        long now = runtime.now();
        ChangeSet changed = ChangeSet.between(encoded, destroyed, key -> versionChecked(runtime, key));
        if (changed.storesState()) {
            checkSizes(runtime.sizes(), stored, changed);
        }
        if (!state.isStored()) {
            if (changed.inserts().isEmpty() && !state.mustStore()) {
                return new WritePlan(null, invalidated ? WriteBack.EXPIRE : WriteBack.NOTHING);
            }
            SessionRow row = state.newRow(UUID.randomUUID().toString(), now);
            return new WritePlan(SessionChanges.creating(row, changed.inserts()), WriteBack.sendId(state.id()));
        }
        SessionUpdate update = state.update(now, runtime.settings().touchInterval().toMillis());
        SessionChanges changes = SessionChanges.updating(update, changed.inserts(), changed.updates(),
                changed.deletes());
        if (aBeanGrows(stored, changed)) {
            // other requests may have grown the session since it was loaded: the store counts it in the write
            changes = changes.checkingTotal(runtime.settings().sizeLimits().maxSessionBytes());
        }
        if (!state.idChanged()) {
            return new WritePlan(changes.isEmpty() ? null : changes, WriteBack.NOTHING);
        }
        return new WritePlan(changes, WriteBack.sendId(state.id()),
                new IdChange(state.rowAfter(update), state.idChangeCause()));
    }

    private static boolean versionChecked(SessionRuntime runtime, String key) {
        return runtime.registry().byKey(key)
                .map(bean -> runtime.policyOf(bean) != ConcurrencyPolicy.LAST_WRITE_WINS)
                .orElse(true);
    }

    /** Whether the changes store a bean that was not stored, or a bean's state longer than it was loaded. */
    private static boolean aBeanGrows(StoredSession stored, ChangeSet changed) {
        if (!changed.inserts().isEmpty()) {
            return true;
        }
        return changed.updates().stream().anyMatch(write -> {
            var loaded = stored.beans().get(write.key());
            return loaded == null || write.state().length > loaded.size();
        });
    }

    /** Each written bean within its limit, and the session within its own once the writes are applied. */
    private static void checkSizes(StateSizes sizes, StoredSession stored, ChangeSet changed) {
        Map<String, Integer> before = new HashMap<>();
        if (stored != null) {
            stored.beans().values().forEach(row -> before.put(row.key(), Math.toIntExact(row.size())));
        }
        Map<String, Integer> after = new HashMap<>(before);
        changed.deletes().forEach(delete -> after.remove(delete.key()));
        for (BeanWrite write : changed.inserts()) {
            sizes.checkBean(write.key(), write.state());
            after.put(write.key(), write.state().length);
        }
        for (BeanWrite write : changed.updates()) {
            sizes.checkBean(write.key(), write.state());
            after.put(write.key(), write.state().length);
        }
        sizes.checkSession(before, after);
    }
}
