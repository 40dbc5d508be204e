package dev.tether.spi;

import java.util.List;

/**
 * Everything one unit of work writes, applied by {@link SessionStore#save} in one transaction: all of it or
 * none of it. Exactly one of {@code created} and {@code updated} is set.
 *
 * @param created   the row of a session that is new, to be inserted
 * @param updated   what changes in the row of a stored session (possibly nothing)
 * @param inserts   beans the store does not have yet
 * @param updates   beans the store has, each with the version it had when loaded
 * @param deletes   beans to remove (destroyed through the context and not used again), each with its version
 * @param maxTotalBytes when above 0, the most bytes the session's beans may take as stored once these changes are
 *                  applied, counting what other requests stored meanwhile: the store checks it in the same
 *                  transaction and refuses the whole change set with a {@link dev.tether.SessionTooLargeException}
 *                  when it would be exceeded. Set only when a bean of an existing session grows; 0 asks for no check
 */
public record SessionChanges(SessionRow created, SessionUpdate updated, List<BeanWrite> inserts,
                             List<BeanWrite> updates, List<BeanDelete> deletes, long maxTotalBytes) {

    public SessionChanges {
        if ((created == null) == (updated == null)) {
            throw new IllegalArgumentException("a change set either creates a session or updates one");
        }
        inserts = List.copyOf(inserts);
        updates = List.copyOf(updates);
        deletes = List.copyOf(deletes);
    }

    /** Changes with no check of the session's stored total. */
    public SessionChanges(SessionRow created, SessionUpdate updated, List<BeanWrite> inserts, List<BeanWrite> updates,
                          List<BeanDelete> deletes) {
        this(created, updated, inserts, updates, deletes, 0);
    }

    /** {@return these changes, to be refused if the session's beans would take more than {@code max} bytes as stored} */
    public SessionChanges checkingTotal(long max) {
        return new SessionChanges(created, updated, inserts, updates, deletes, max);
    }

    public static SessionChanges creating(SessionRow row, List<BeanWrite> inserts) {
        return new SessionChanges(row, null, inserts, List.of(), List.of());
    }

    public static SessionChanges updating(SessionUpdate update, List<BeanWrite> inserts, List<BeanWrite> updates,
                                          List<BeanDelete> deletes) {
        return new SessionChanges(null, update, inserts, updates, deletes);
    }

    /** The surrogate key of the session written. */
    public String sessionPk() {
        return created != null ? created.pk() : updated.pk();
    }

    /** Whether applying this change set runs any statement at all. */
    public boolean isEmpty() {
        return created == null && !updated.writesRow() && inserts.isEmpty() && updates.isEmpty()
                && deletes.isEmpty();
    }

    /**
     * @param expectedVersion for an update, the version read at load time; ignored for an insert
     * @param checkVersion    false for beans whose policy is last-write-wins
     */
    public record BeanWrite(String key, String codec, byte[] state, long expectedVersion, boolean checkVersion) {
    }

    /**
     * @param expectedVersion the version the unit read; the row is deleted only while it still has it
     * @param checkVersion    false for beans whose policy is last-write-wins
     */
    public record BeanDelete(String key, long expectedVersion, boolean checkVersion) {
    }
}
