package dev.tether.store;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import dev.tether.ConfigKeys;
import dev.tether.SessionConflictException;
import dev.tether.SessionTooLargeException;
import dev.tether.spi.PrincipalLimit;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionUpdate;

/**
 * Applies a unit's {@link SessionChanges} statement by statement, on any {@link StatementRunner}: the session row
 * first (so every writer locks it before its beans, and two writers never wait on each other in a cycle), then
 * the beans. A statement that counts 0 where the unit expected its row is a conflict; the caller rolls back.
 */
final class SessionWrites {

    private static final Logger LOG = Logger.getLogger(SessionWrites.class.getName());
    private static final String CHANGED_MEANWHILE = " was changed by another request of this session since this one "
            + "read it, or the session ended";

    private final SessionSql sql;

    SessionWrites(SessionSql sql) {
        this.sql = sql;
    }

    /**
     * Makes room for a login within its principal's limit: waits for the login lock, so that overlapping logins on any
     * node count one after the other, then ends the principal's oldest other sessions beyond the limit, or refuses.
     * The count reads after the lock is granted, so it sees every login committed before (a transaction's snapshot
     * starts with its first read, on MariaDB's repeatable read too).
     *
     * @return the rows of the sessions ended
     * @throws dev.tether.TooManySessionsException when the policy refuses; the caller rolls back
     */
    List<SessionRow> makeRoom(StatementRunner runner, String sessionPk, PrincipalLimit limit) {
        if (runner.update(sql.takeLoginLock()) == 0) {
            throw new IllegalStateException("Tether: the row '" + SessionSql.LOGIN_LOCK + "' of the lease table is missing");
        }
        List<SessionRow> others = runner.rows(sql.findOthersOfPrincipal(limit.principal(), limit.now(),
                sessionPk)).stream().map(SessionRows::toSessionRow).toList();
        List<SessionRow> ended = limit.toEnd(others);
        for (SessionRow row : ended) {
            runner.update(sql.deleteSession(row.pk()));
        }
        return ended;
    }

    /**
     * @param rowLocked whether the transaction already holds the session row's lock (the serialize policy's)
     */
    void apply(StatementRunner runner, SessionChanges changes, boolean rowLocked) {
        String pk = changes.sessionPk();
        if (changes.created() != null) {
            runner.update(sql.insertSession(changes.created()));
        } else {
            boolean rowWritten = updateSessionRow(runner, changes.updated());
            if (changes.maxTotalBytes() > 0) {
                checkTotal(runner, changes, rowLocked || rowWritten);
            }
        }
        for (SessionChanges.BeanWrite bean : changes.updates()) {
            if (runner.update(sql.updateBean(pk, bean)) == 0) {
                throw new SessionConflictException("bean " + bean.key() + CHANGED_MEANWHILE);
            }
        }
        for (SessionChanges.BeanDelete bean : changes.deletes()) {
            if (runner.update(sql.deleteBean(pk, bean)) == 0 && bean.checkVersion()) {
                throw new SessionConflictException("bean " + bean.key() + CHANGED_MEANWHILE);
            }
        }
        for (SessionChanges.BeanWrite bean : changes.inserts()) {
            runner.update(sql.insertBean(pk, bean));
        }
    }

    /**
     * Takes the lease, or renews it for its holder. A renewal that sets the values the row already has counts 0 on
     * MySQL drivers that count changed rows, so a count of 0 is checked against the row itself.
     */
    boolean takeLease(StatementRunner runner, String name, String holder, long now, long until) {
        return runner.update(sql.acquireLease(name, holder, now, until)) == 1
                || ((Number) runner.rows(sql.countLeaseHeld(name, holder, until)).get(0)[0]).longValue() == 1;
    }

    /**
     * The session's total as stored, with this write, within the limit: counted under the session row's lock, so
     * two overlapping writers that both grow the session take turns, and the second counts what the first stored
     * (each request's own loaded view would let both through). Before the bean statements, so a refusal writes
     * nothing.
     */
    private void checkTotal(StatementRunner runner, SessionChanges changes, boolean locked) {
        String pk = changes.sessionPk();
        if (!locked && runner.rows(sql.lockSession(pk, changes.updated().now())).isEmpty()) {
            throw new SessionConflictException("the session ended while this request used it");
        }
        List<String> written = new ArrayList<>();
        long own = 0;
        for (SessionChanges.BeanWrite bean : changes.inserts()) {
            written.add(bean.key());
            own += bean.state().length;
        }
        for (SessionChanges.BeanWrite bean : changes.updates()) {
            written.add(bean.key());
            own += bean.state().length;
        }
        changes.deletes().forEach(bean -> written.add(bean.key()));
        long others = ((Number) runner.rows(sql.storedBytesBesides(pk, written)).get(0)[0])
                .longValue();
        if (others + own > changes.maxTotalBytes()) {
            String why = "the session would be stored as " + (others + own) + " bytes with what other requests "
                    + "stored meanwhile, more than " + ConfigKeys.MAX_SESSION_BYTES + "=" + changes.maxTotalBytes()
                    + "; nothing of this request's session changes was stored";
            LOG.warning(() -> "Tether: " + why);
            throw new SessionTooLargeException(why);
        }
    }

    /**
     * Writes only the columns the unit changed, and only while the row is still the one the unit may change.
     *
     * @return whether it updated the row (and so holds its lock)
     */
    private boolean updateSessionRow(StatementRunner runner, SessionUpdate update) {
        var statement = sql.updateSession(update);
        if (statement.isEmpty()) {
            return false;
        }
        if (runner.update(statement.get()) > 0) {
            return true;
        }
        long stillCurrent = ((Number) runner.rows(sql.countStillCurrent(update)).get(0)[0]).longValue();
        if (stillCurrent == 0) {
            throw new SessionConflictException(update.identity() != null
                    ? "another request of this session changed its ID or principal, or ended it, since this one read it"
                    : "the session ended while this request used it");
        }
        // a MySQL driver counting changed rows: the row is there and the statement locked it
        return true;
    }
}
