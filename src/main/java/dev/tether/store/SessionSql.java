package dev.tether.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tether.spi.SessionChanges.BeanDelete;
import dev.tether.spi.SessionChanges.BeanWrite;
import dev.tether.spi.SessionUpdate.Identity;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionUpdate;

/**
 * Every statement Tether sends, as plain SQL, run by either {@link StoreBinding}: the same text on every database
 * Tether supports, but for what its {@link Dialect} decides (the lock, the length function through
 * {@link StateColumns}).
 */
final class SessionSql {

    private static final String SESSION_COLUMNS = "s.session_pk, s.id_hash, s.created_at, s.last_accessed_at, "
            + "s.expires_at, s.idle_timeout_ms, s.absolute_expires_at, s.principal";

    private SessionSql() {
    }

    /**
     * The start of a load, up to its WHERE: the session's columns, then each bean's key, codec and version, then
     * its state as {@link StateColumns} selects it (bytes, length). No DISTINCT: the database would compare every
     * state's bytes (and Oracle refuses it on BLOBs); the session is unique by hash or key, so its repeated columns
     * are read once, from the first row.
     */
    static String loadSelect(String state) {
        return "SELECT " + SESSION_COLUMNS + ", b.bean_key, b.codec, b.state_version, " + state
                + " FROM tether_session s LEFT JOIN tether_bean b ON b.session_pk = s.session_pk WHERE ";
    }

    /** The start of {@link #beansOf}: key, codec, version, then the state as {@link StateColumns} selects it. */
    static String beansSelect(String state) {
        return "SELECT b.bean_key, b.codec, b.state_version, " + state + " FROM tether_bean b WHERE ";
    }

    /** The live session of an ID hash and all its beans: one row per bean, or one row with no bean. */
    static Sql loadLive(StateColumns columns, String idHash, long now) {
        return new Sql.Builder().append(columns.load() + "s.id_hash = ").value(idHash)
                .append(" AND s.expires_at > ").value(now).build();
    }

    /** A session by its surrogate key, expired or not, with all its beans. */
    static Sql loadByPk(StateColumns columns, String pk) {
        return new Sql.Builder().append(columns.load() + "s.session_pk = ").value(pk).build();
    }

    /** The row of a live session, without its beans. */
    static Sql findLive(String idHash, long now) {
        return new Sql.Builder().append("SELECT " + SESSION_COLUMNS + " FROM tether_session s WHERE s.id_hash = ")
                .value(idHash).append(" AND s.expires_at > ").value(now).build();
    }

    /** The row of a live session, locked until the end of the transaction, the way {@code dialect} asks for it. */
    static Sql findLiveForUpdate(Dialect dialect, String idHash, long now) {
        return new Sql.Builder().append("SELECT " + SESSION_COLUMNS + " FROM " + dialect.lockedTable("tether_session s")
                        + " WHERE s.id_hash = ").value(idHash).append(" AND s.expires_at > ").value(now)
                .append(dialect.lockClause()).build();
    }

    static Sql beansOf(StateColumns columns, String pk) {
        return new Sql.Builder().append(columns.beans() + "b.session_pk = ").value(pk).build();
    }

    static Sql findByPrincipal(String principal, long now) {
        return new Sql.Builder().append("SELECT " + SESSION_COLUMNS + " FROM tether_session s WHERE s.principal = ")
                .value(principal).append(" AND s.expires_at > ").value(now).append(" ORDER BY s.created_at").build();
    }

    static Sql countLive(long now) {
        return new Sql.Builder().append("SELECT COUNT(*) FROM tether_session WHERE expires_at > ").value(now).build();
    }

    /** Expired sessions, the longest expired first; the caller limits the rows it reads. */
    static Sql findExpired(long now) {
        return new Sql.Builder().append("SELECT " + SESSION_COLUMNS + " FROM tether_session s WHERE s.expires_at <= ")
                .value(now).append(" ORDER BY s.expires_at").build();
    }

    /** Those of the sessions that are still expired, locked until the end of the transaction. */
    static Sql lockExpired(Dialect dialect, List<String> pks, long now) {
        Sql.Builder sql = new Sql.Builder().append("SELECT s.session_pk FROM " + dialect.lockedTable("tether_session s")
                + " WHERE s.expires_at <= ").value(now).append(" AND s.session_pk IN (");
        return inList(sql, pks).append(")" + dialect.lockClause()).build();
    }

    /** Sessions by their keys; their beans go with them through the foreign key's ON DELETE CASCADE. */
    static Sql deleteSessions(List<String> pks) {
        return inList(new Sql.Builder().append("DELETE FROM tether_session WHERE session_pk IN ("), pks)
                .append(")").build();
    }

    private static Sql.Builder inList(Sql.Builder sql, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").value(values.get(i));
        }
        return sql;
    }

    static Sql acquireLease(String name, String holder, long now, long until) {
        return new Sql.Builder().append("UPDATE tether_lease SET holder = ").value(holder)
                .append(", held_until = ").value(until).append(" WHERE lease_name = ").value(name)
                .append(" AND (held_until < ").value(now).append(" OR holder = ").value(holder).append(")").build();
    }

    /** Whether the holder has the lease until then: asked when taking it counted 0, as for the session row. */
    static Sql countLeaseHeld(String name, String holder, long until) {
        return new Sql.Builder().append("SELECT COUNT(*) FROM tether_lease WHERE lease_name = ").value(name)
                .append(" AND holder = ").value(holder).append(" AND held_until = ").value(until).build();
    }

    /** The live session's row, locked until the end of the transaction, the way {@code dialect} asks for it. */
    static Sql lockSession(Dialect dialect, String pk, long now) {
        return new Sql.Builder().append("SELECT s.session_pk FROM " + dialect.lockedTable("tether_session s")
                + " WHERE s.session_pk = ").value(pk).append(" AND s.expires_at > ").value(now)
                .append(dialect.lockClause()).build();
    }

    /** The bytes the session's beans take as stored, but for those of {@code keys}: the ones a write replaces. */
    static Sql storedBytesBesides(Dialect dialect, String pk, List<String> keys) {
        Sql.Builder sql = new Sql.Builder().append("SELECT COALESCE(SUM(" + dialect.length("b.state_bytes")
                + "), 0) FROM tether_bean b WHERE b.session_pk = ").value(pk);
        if (!keys.isEmpty()) {
            inList(sql.append(" AND b.bean_key NOT IN ("), keys).append(")");
        }
        return sql.build();
    }

    /** The session row; its beans go with it through the foreign key's ON DELETE CASCADE. */
    static Sql deleteSession(String pk) {
        return new Sql.Builder().append("DELETE FROM tether_session WHERE session_pk = ").value(pk).build();
    }

    static Sql insertSession(SessionRow row) {
        return new Sql.Builder().append("INSERT INTO tether_session (session_pk, id_hash, created_at, "
                        + "last_accessed_at, expires_at, idle_timeout_ms, absolute_expires_at, principal) VALUES (")
                .value(row.pk()).append(", ").value(row.idHash()).append(", ").value(row.createdAt()).append(", ")
                .value(row.lastAccessedAt()).append(", ").value(row.expiresAt()).append(", ")
                .value(row.idleTimeoutMillis()).append(", ").value(row.absoluteExpiresAt()).append(", ")
                .valueOrNull(row.principal().orElse(null)).append(")").build();
    }

    static Sql insertBean(String sessionPk, BeanWrite bean) {
        return new Sql.Builder().append("INSERT INTO tether_bean (bean_pk, session_pk, bean_key, codec, state_bytes, "
                        + "state_version) VALUES (")
                .value(UUID.randomUUID().toString()).append(", ").value(sessionPk).append(", ").value(bean.key())
                .append(", ").value(bean.codec()).append(", ").value(bean.state()).append(", 1)").build();
    }

    static Sql updateBean(String sessionPk, BeanWrite bean) {
        Sql.Builder sql = new Sql.Builder().append("UPDATE tether_bean SET state_bytes = ").value(bean.state())
                .append(", codec = ").value(bean.codec())
                .append(", state_version = state_version + 1 WHERE session_pk = ").value(sessionPk)
                .append(" AND bean_key = ").value(bean.key());
        if (bean.checkVersion()) {
            sql.append(" AND state_version = ").value(bean.expectedVersion());
        }
        return sql.build();
    }

    static Sql deleteBean(String sessionPk, BeanDelete bean) {
        Sql.Builder sql = new Sql.Builder().append("DELETE FROM tether_bean WHERE session_pk = ").value(sessionPk)
                .append(" AND bean_key = ").value(bean.key());
        if (bean.checkVersion()) {
            sql.append(" AND state_version = ").value(bean.expectedVersion());
        }
        return sql.build();
    }

    /**
     * The update of the session row: only the columns the unit changed. The expiry of a plain touch is computed
     * from the row's own timeouts, so a touch never undoes a timeout another request set meanwhile.
     */
    static Optional<Sql> updateSession(SessionUpdate update) {
        if (!update.writesRow()) {
            return Optional.empty();
        }
        Sql.Builder sql = new Sql.Builder().append("UPDATE tether_session SET ");
        String separator = "";
        if (update.identity() != null) {
            sql.append("id_hash = ").value(update.identity().idHash())
                    .append(", principal = ").valueOrNull(update.identity().principal().orElse(null));
            separator = ", ";
        }
        if (update.timeouts() != null) {
            sql.append(separator + "idle_timeout_ms = ").value(update.timeouts().idleTimeoutMillis())
                    .append(", absolute_expires_at = ").value(update.timeouts().absoluteExpiresAt())
                    .append(", last_accessed_at = ").value(update.accessedAt())
                    .append(", expires_at = ").value(update.timeouts().expiresAt(update.accessedAt()));
        } else if (update.accessedAt() >= 0) {
            // parameters, never columns the statement also sets: MySQL evaluates SET assignments left to right
            sql.append(separator + "last_accessed_at = ").value(update.accessedAt())
                    .append(", expires_at = CASE WHEN ").value(update.accessedAt())
                    .append(" + idle_timeout_ms < absolute_expires_at THEN ").value(update.accessedAt())
                    .append(" + idle_timeout_ms ELSE absolute_expires_at END");
        }
        return Optional.of(whereStillCurrent(sql.append(" WHERE "), update).build());
    }

    /**
     * Whether the row the update is meant for is still there: asked only when the update counted 0, because
     * MySQL drivers with {@code useAffectedRows=true} count the rows an update changed, not those it matched.
     */
    static Sql countStillCurrent(SessionUpdate update) {
        return whereStillCurrent(new Sql.Builder().append("SELECT COUNT(*) FROM tether_session WHERE "), update)
                .build();
    }

    private static Sql.Builder whereStillCurrent(Sql.Builder sql, SessionUpdate update) {
        sql.append("session_pk = ").value(update.pk()).append(" AND expires_at > ").value(update.now());
        if (update.identity() != null) {
            Identity loaded = update.loaded();
            sql.append(" AND id_hash = ").value(loaded.idHash());
            if (loaded.principal().isPresent()) {
                sql.append(" AND principal = ").value(loaded.principal().get());
            } else {
                sql.append(" AND principal IS NULL");
            }
        }
        return sql;
    }
}
