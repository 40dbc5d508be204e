package dev.tether.store;

import java.util.List;

/**
 * Everything one unit of work writes, applied by {@link SessionStore#save} in one transaction: all of it or
 * none of it.
 *
 * @param row       the session row as it should be after the write (a new ID hash, principal or expiry
 *                  included)
 * @param isNew     whether the row must be inserted rather than updated
 * @param inserts   beans the store does not have yet
 * @param updates   beans the store has, each with the version it had when loaded
 * @param deletes   keys of beans to remove (destroyed through the context and not used again)
 */
public record SessionChanges(SessionRow row, boolean isNew, List<BeanWrite> inserts, List<BeanWrite> updates,
                             List<String> deletes) {

    public SessionChanges {
        inserts = List.copyOf(inserts);
        updates = List.copyOf(updates);
        deletes = List.copyOf(deletes);
    }

    /**
     * @param expectedVersion for an update, the version read at load time; ignored for an insert
     * @param checkVersion    false for beans whose policy is last-write-wins
     */
    public record BeanWrite(String key, String codec, byte[] state, long expectedVersion, boolean checkVersion) {
    }
}
