package dev.tether.store;

import java.util.List;
import java.util.Optional;

import dev.tether.config.TableNames;
import dev.tether.spi.SessionChanges.BeanDelete;
import dev.tether.spi.SessionChanges.BeanWrite;
import dev.tether.spi.SessionUpdate.Identity;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionUpdate;

/**
 * Every statement Tether sends, as plain SQL, run by either {@link StoreBinding}: the same text on every database
 * Tether supports, but for what its {@link Dialect} decides (the lock, the length function through
 * {@link StateColumns}), on the tables {@link TableNames} names (prefixed, and qualified with a schema when one is
 * set). One per store: the parts every load shares are built once, here.
 */
final class SessionSql {

    private static final String SESSION_COLUMNS = "s.session_pk, s.id_hash, s.created_at, s.last_accessed_at, "
            + "s.expires_at, s.idle_timeout_ms, s.absolute_expires_at, s.principal";

    /** The lease row whose lock serializes the logins that count a principal's sessions, on every node. */
    static final String LOGIN_LOCK = "logins";

    private final Dialect dialect;
    private final String sessionTable;
    private final String beanTable;
    private final String leaseTable;
    /** The start of {@link #beansOf}: key, codec, version, then the state as {@link StateColumns} selects it. */
    private final String beans;
    // the statements requests run, built once: a load, the serialize lock, a new session's rows, a bean's write
    private final Sql.Template loadLive;
    private final Sql.Template loadByPk;
    private final Sql.Template findLive;
    private final Sql.Template findLiveForUpdate;
    private final Sql.Template insertSession;
    private final Sql.Template insertAnonymousSession;
    private final Sql.Template insertBean;
    private final Sql.Template updateBean;
    private final Sql.Template updateBeanAnyVersion;
    private final Sql.Template deleteBean;
    private final Sql.Template deleteBeanAnyVersion;

    SessionSql(TableNames names, Dialect dialect, StateColumns columns) {
        this.dialect = dialect;
        this.sessionTable = names.table("session");
        this.beanTable = names.table("bean");
        this.leaseTable = names.table("lease");
        // the start of a load, up to its WHERE: the session's columns, then each bean's key, codec and version, then
        // its state as StateColumns selects it (bytes, length). No DISTINCT: the database would compare every state's
        // bytes (and Oracle refuses it on BLOBs); the session is unique by hash or key, so its repeated columns are
        // read once, from the first row
        String load = "SELECT " + SESSION_COLUMNS + ", b.bean_key, b.codec, b.state_version, " + columns.state()
                + " FROM " + sessionTable + " s LEFT JOIN " + beanTable + " b ON b.session_pk = s.session_pk WHERE ";
        this.beans = "SELECT b.bean_key, b.codec, b.state_version, " + columns.state() + " FROM " + beanTable
                + " b WHERE ";
        this.loadLive = new Sql.Builder().append(load + "s.id_hash = ").parameter()
                .append(" AND s.expires_at > ").parameter().template();
        this.loadByPk = new Sql.Builder().append(load + "s.session_pk = ").parameter().template();
        this.findLive = new Sql.Builder().append("SELECT " + SESSION_COLUMNS + " FROM " + sessionTable
                + " s WHERE s.id_hash = ").parameter().append(" AND s.expires_at > ").parameter().template();
        this.findLiveForUpdate = new Sql.Builder().append("SELECT " + SESSION_COLUMNS + " FROM "
                        + dialect.lockedTable(sessionTable + " s") + " WHERE s.id_hash = ").parameter()
                .append(" AND s.expires_at > ").parameter().append(dialect.lockClause()).template();
        this.insertSession = insertSessionOf(true);
        this.insertAnonymousSession = insertSessionOf(false);
        this.insertBean = new Sql.Builder().append("INSERT INTO " + beanTable + " (session_pk, bean_key, codec, "
                        + "state_bytes, state_version) VALUES (").parameter().append(", ").parameter()
                .append(", ").parameter().append(", ").parameter().append(", 1)").template();
        this.updateBean = updateBeanOf(true);
        this.updateBeanAnyVersion = updateBeanOf(false);
        this.deleteBean = deleteBeanOf(true);
        this.deleteBeanAnyVersion = deleteBeanOf(false);
    }

    private Sql.Template insertSessionOf(boolean withPrincipal) {
        Sql.Builder sql = new Sql.Builder().append("INSERT INTO " + sessionTable + " (session_pk, id_hash, created_at, "
                + "last_accessed_at, expires_at, idle_timeout_ms, absolute_expires_at, principal) VALUES (");
        for (int i = 0; i < 7; i++) {
            sql.parameter().append(", ");
        }
        return (withPrincipal ? sql.parameter() : sql.append("NULL")).append(")").template();
    }

    private Sql.Template updateBeanOf(boolean checkVersion) {
        Sql.Builder sql = new Sql.Builder().append("UPDATE " + beanTable + " SET state_bytes = ").parameter()
                .append(", codec = ").parameter()
                .append(", state_version = state_version + 1 WHERE session_pk = ").parameter()
                .append(" AND bean_key = ").parameter();
        return (checkVersion ? sql.append(" AND state_version = ").parameter() : sql).template();
    }

    private Sql.Template deleteBeanOf(boolean checkVersion) {
        Sql.Builder sql = new Sql.Builder().append("DELETE FROM " + beanTable + " WHERE session_pk = ").parameter()
                .append(" AND bean_key = ").parameter();
        return (checkVersion ? sql.append(" AND state_version = ").parameter() : sql).template();
    }

    /** The live session of an ID hash and all its beans: one row per bean, or one row with no bean. */
    Sql loadLive(String idHash, long now) {
        return loadLive.bind(idHash, now);
    }

    /** A session by its surrogate key, expired or not, with all its beans. */
    Sql loadByPk(String pk) {
        return loadByPk.bind(pk);
    }

    /** The row of a live session, without its beans. */
    Sql findLive(String idHash, long now) {
        return findLive.bind(idHash, now);
    }

    /** The row of a live session, locked until the end of the transaction, the way {@code dialect} asks for it. */
    Sql findLiveForUpdate(String idHash, long now) {
        return findLiveForUpdate.bind(idHash, now);
    }

    Sql beansOf(String pk) {
        return new Sql.Builder().append(beans + "b.session_pk = ").value(pk).build();
    }

    Sql findByPrincipal(String principal, long now) {
        return new Sql.Builder().append("SELECT " + SESSION_COLUMNS + " FROM " + sessionTable + " s WHERE s.principal = ")
                .value(principal).append(" AND s.expires_at > ").value(now).append(" ORDER BY s.created_at").build();
    }

    /**
     * {@link #findByPrincipal}'s rows, each followed by its number of beans and their states' total length (the
     * database's length function, from {@code dialect}): subqueries rather than a GROUP BY over every column.
     */
    Sql findFootprintsByPrincipal(String principal, long now) {
        return new Sql.Builder().append("SELECT " + SESSION_COLUMNS + footprintColumns() + " FROM " + sessionTable
                        + " s WHERE s.principal = ")
                .value(principal).append(" AND s.expires_at > ").value(now).append(" ORDER BY s.created_at").build();
    }

    /**
     * A page of every live session's footprint (as {@link #findFootprintsByPrincipal}), in the order of their keys,
     * after {@code afterPk} when it is not {@code null}: a key is unique and never changes, so a page never repeats
     * or skips a session that lives on between two pages. The caller limits the rows it reads.
     */
    Sql findFootprints(long now, String afterPk) {
        Sql.Builder sql = new Sql.Builder().append("SELECT " + SESSION_COLUMNS + footprintColumns() + " FROM "
                + sessionTable + " s WHERE s.expires_at > ").value(now);
        if (afterPk != null) {
            sql.append(" AND s.session_pk > ").value(afterPk);
        }
        return sql.append(" ORDER BY s.session_pk").build();
    }

    /** Each session's number of beans and their states' total length, as two subqueries on its key. */
    private String footprintColumns() {
        String ofThisSession = " FROM " + beanTable + " b WHERE b.session_pk = s.session_pk)";
        return ", (SELECT COUNT(*)" + ofThisSession + ", (SELECT COALESCE(SUM(" + dialect.length("b.state_bytes")
                + "), 0)" + ofThisSession;
    }

    /**
     * The principal's live sessions other than {@code exceptPk}, oldest first: those a login counts against the
     * limit. Not locked: every login waits for {@link #takeLoginLock} first.
     */
    Sql findOthersOfPrincipal(String principal, long now, String exceptPk) {
        return new Sql.Builder().append("SELECT " + SESSION_COLUMNS + " FROM " + sessionTable + " s WHERE s.principal = ")
                .value(principal).append(" AND s.expires_at > ").value(now).append(" AND s.session_pk <> ")
                .value(exceptPk).append(" ORDER BY s.created_at").build();
    }

    /**
     * Takes the row lock every login under a session limit waits for, until its transaction ends. The column
     * changes, so that MySQL drivers that count changed rows count it.
     */
    Sql takeLoginLock() {
        return new Sql.Builder().append("UPDATE " + leaseTable + " SET held_until = held_until + 1 WHERE lease_name = ")
                .value(LOGIN_LOCK).build();
    }

    Sql countLoginLock() {
        return new Sql.Builder().append("SELECT COUNT(*) FROM " + leaseTable + " WHERE lease_name = ").value(LOGIN_LOCK)
                .build();
    }

    /** The row of {@link #takeLoginLock}, added on the first login under a limit: the schema scripts do not have it. */
    Sql insertLoginLock() {
        return new Sql.Builder().append("INSERT INTO " + leaseTable + " (lease_name, holder, held_until) VALUES (")
                .value(LOGIN_LOCK).append(", NULL, 0)").build();
    }

    Sql countLive(long now) {
        return new Sql.Builder().append("SELECT COUNT(*) FROM " + sessionTable + " WHERE expires_at > ").value(now).build();
    }

    /** Expired sessions, the longest expired first; the caller limits the rows it reads. */
    Sql findExpired(long now) {
        return new Sql.Builder().append("SELECT " + SESSION_COLUMNS + " FROM " + sessionTable + " s WHERE s.expires_at <= ")
                .value(now).append(" ORDER BY s.expires_at").build();
    }

    /** Those of the sessions that are still expired, locked until the end of the transaction. */
    Sql lockExpired(List<String> pks, long now) {
        Sql.Builder sql = new Sql.Builder().append("SELECT s.session_pk FROM " + dialect.lockedTable(sessionTable + " s")
                + " WHERE s.expires_at <= ").value(now).append(" AND s.session_pk IN (");
        return inList(sql, pks).append(")" + dialect.lockClause()).build();
    }

    /** Sessions by their keys; their beans go with them through the foreign key's ON DELETE CASCADE. */
    Sql deleteSessions(List<String> pks) {
        return inList(new Sql.Builder().append("DELETE FROM " + sessionTable + " WHERE session_pk IN ("), pks)
                .append(")").build();
    }

    private static Sql.Builder inList(Sql.Builder sql, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").value(values.get(i));
        }
        return sql;
    }

    Sql acquireLease(String name, String holder, long now, long until) {
        return new Sql.Builder().append("UPDATE " + leaseTable + " SET holder = ").value(holder)
                .append(", held_until = ").value(until).append(" WHERE lease_name = ").value(name)
                .append(" AND (held_until < ").value(now).append(" OR holder = ").value(holder).append(")").build();
    }

    /** Whether the holder has the lease until then: asked when taking it counted 0, as for the session row. */
    Sql countLeaseHeld(String name, String holder, long until) {
        return new Sql.Builder().append("SELECT COUNT(*) FROM " + leaseTable + " WHERE lease_name = ").value(name)
                .append(" AND holder = ").value(holder).append(" AND held_until = ").value(until).build();
    }

    /** The live session's row, locked until the end of the transaction, the way {@code dialect} asks for it. */
    Sql lockSession(String pk, long now) {
        return new Sql.Builder().append("SELECT s.session_pk FROM " + dialect.lockedTable(sessionTable + " s")
                + " WHERE s.session_pk = ").value(pk).append(" AND s.expires_at > ").value(now)
                .append(dialect.lockClause()).build();
    }

    /** The bytes the session's beans take as stored, but for those of {@code keys}: the ones a write replaces. */
    Sql storedBytesBesides(String pk, List<String> keys) {
        Sql.Builder sql = new Sql.Builder().append("SELECT COALESCE(SUM(" + dialect.length("b.state_bytes")
                + "), 0) FROM " + beanTable + " b WHERE b.session_pk = ").value(pk);
        if (!keys.isEmpty()) {
            inList(sql.append(" AND b.bean_key NOT IN ("), keys).append(")");
        }
        return sql.build();
    }

    /** The session row; its beans go with it through the foreign key's ON DELETE CASCADE. */
    Sql deleteSession(String pk) {
        return new Sql.Builder().append("DELETE FROM " + sessionTable + " WHERE session_pk = ").value(pk).build();
    }

    Sql insertSession(SessionRow row) {
        if (row.principal().isEmpty()) {
            return insertAnonymousSession.bind(row.pk(), row.idHash(), row.createdAt(), row.lastAccessedAt(),
                    row.expiresAt(), row.idleTimeoutMillis(), row.absoluteExpiresAt());
        }
        return insertSession.bind(row.pk(), row.idHash(), row.createdAt(), row.lastAccessedAt(), row.expiresAt(),
                row.idleTimeoutMillis(), row.absoluteExpiresAt(), row.principal().get());
    }

    Sql insertBean(String sessionPk, BeanWrite bean) {
        return insertBean.bind(sessionPk, bean.key(), bean.codec(), bean.state());
    }

    Sql updateBean(String sessionPk, BeanWrite bean) {
        return bean.checkVersion()
                ? updateBean.bind(bean.state(), bean.codec(), sessionPk, bean.key(), bean.expectedVersion())
                : updateBeanAnyVersion.bind(bean.state(), bean.codec(), sessionPk, bean.key());
    }

    Sql deleteBean(String sessionPk, BeanDelete bean) {
        return bean.checkVersion() ? deleteBean.bind(sessionPk, bean.key(), bean.expectedVersion())
                : deleteBeanAnyVersion.bind(sessionPk, bean.key());
    }

    /**
     * The update of the session row: only the columns the unit changed. The expiry of a plain touch is computed
     * from the row's own timeouts, so a touch never undoes a timeout another request set meanwhile.
     */
    Optional<Sql> updateSession(SessionUpdate update) {
        if (!update.writesRow()) {
            return Optional.empty();
        }
        Sql.Builder sql = new Sql.Builder().append("UPDATE " + sessionTable + " SET ");
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
    Sql countStillCurrent(SessionUpdate update) {
        return whereStillCurrent(new Sql.Builder().append("SELECT COUNT(*) FROM " + sessionTable + " WHERE "), update)
                .build();
    }

    private Sql.Builder whereStillCurrent(Sql.Builder sql, SessionUpdate update) {
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
