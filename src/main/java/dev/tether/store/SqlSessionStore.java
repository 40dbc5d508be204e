package dev.tether.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tether.SessionConflictException;
import dev.tether.SessionStoreUnavailableException;
import dev.tether.config.StoreKind;
import dev.tether.spi.LockedSession;
import dev.tether.spi.PrincipalLimit;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionFootprint;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionStore;
import dev.tether.spi.StoredBean;
import dev.tether.spi.StoredSession;

/**
 * Tether's store: the statements of {@link SessionSql}, in the order {@link SessionWrites} gives them, run through a
 * {@link StoreBinding} (JPA or plain JDBC), on one database whose {@link Dialect} says what differs. Written once:
 * the binding only runs statements, this class decides what a failure means. Reads never take a transaction of
 * their own; every write is one transaction; the serialize lock is the row lock of a transaction left open.
 */
public final class SqlSessionStore implements SessionStore, AutoCloseable {

    private final StoreBinding binding;
    private final StoreKind kind;
    private final Dialect dialect;
    private final SessionSql sql;
    private final SessionWrites writes;
    private final int timeoutSeconds;
    private volatile boolean loginLockExists;

    /**
     * @param timeoutSeconds how long any statement may run (0: no limit), but the serialize lock's, which waits for
     *                       {@code tether.serialize.wait}: a database that hangs fails the request as unavailable
     *                       instead of holding its thread and connection
     */
    SqlSessionStore(StoreBinding binding, StoreKind kind, Dialect dialect, SessionSql sql, int timeoutSeconds) {
        this.binding = binding;
        this.kind = kind;
        this.dialect = dialect;
        this.sql = sql;
        this.writes = new SessionWrites(sql);
        this.timeoutSeconds = dialect.statementTimeout(timeoutSeconds);
    }

    /** Which binding runs the statements. */
    public StoreKind kind() {
        return kind;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Optional<StoredSession> load(String idHash, long now) {
        return read(runner -> SessionRows.toStoredSession(runner.rows(sql.loadLive(idHash, now))));
    }

    @Override
    public Optional<StoredSession> loadByPk(String pk) {
        return read(runner -> SessionRows.toStoredSession(runner.rows(sql.loadByPk(pk))));
    }

    @Override
    public Optional<SessionRow> find(String idHash, long now) {
        return read(runner -> runner.rows(sql.findLive(idHash, now)).stream().findFirst()
                .map(SessionRows::toSessionRow));
    }

    @Override
    public List<SessionRow> findByPrincipal(String principal, long now) {
        return read(runner -> runner.rows(sql.findByPrincipal(principal, now)).stream()
                .map(SessionRows::toSessionRow).toList());
    }

    @Override
    public List<SessionFootprint> findFootprintsByPrincipal(String principal, long now) {
        return read(runner -> runner.rows(sql.findFootprintsByPrincipal(principal, now)).stream()
                .map(SessionRows::toFootprint).toList());
    }

    @Override
    public List<SessionFootprint> findFootprints(long now, String afterPk, int limit) {
        try {
            return binding.read(limit, timeoutSeconds, runner -> runner.rows(sql.findFootprints(now, afterPk)).stream()
                    .map(SessionRows::toFootprint).toList());
        } catch (StoreFailure e) {
            throw unavailable(e);
        }
    }

    @Override
    public long countLive(long now) {
        return read(runner -> ((Number) runner.rows(sql.countLive(now)).get(0)[0]).longValue());
    }

    @Override
    public List<SessionRow> findExpired(long now, int limit) {
        try {
            return binding.read(limit, timeoutSeconds, runner -> runner.rows(sql.findExpired(now)).stream()
                    .map(SessionRows::toSessionRow).toList());
        } catch (StoreFailure e) {
            throw unavailable(e);
        }
    }

    @Override
    public void save(SessionChanges changes) {
        write(runner -> {
            writes.apply(runner, changes, false);
            return null;
        });
    }

    /** One transaction: the login lock, the principal's oldest sessions beyond the limit deleted, the changes. */
    @Override
    public List<SessionRow> save(SessionChanges changes, PrincipalLimit limit) {
        ensureLoginLock();
        return write(runner -> {
            List<SessionRow> ended = writes.makeRoom(runner, changes.sessionPk(), limit);
            writes.apply(runner, changes, false);
            return ended;
        });
    }

    /**
     * Adds the login lock's row on the first login under a limit, in a transaction of its own; a node that adds it
     * at the same moment wins, which is as good.
     */
    private void ensureLoginLock() {
        if (loginLockExists) {
            return;
        }
        try {
            binding.inTransaction(timeoutSeconds, runner -> {
                if (((Number) runner.rows(sql.countLoginLock()).get(0)[0]).longValue() == 0) {
                    runner.update(sql.insertLoginLock());
                }
                return null;
            });
        } catch (StoreFailure e) {
            if (!dialect.isConflict(e.sqlException())) {
                throw unavailable(e);
            }
        }
        loginLockExists = true;
    }

    /**
     * The bean rows go with the session row through the foreign key's ON DELETE CASCADE: every writer then locks
     * the session row before its beans, and two writers can never wait on each other in a cycle.
     */
    @Override
    public void delete(String pk) {
        write(runner -> runner.update(sql.deleteSession(pk)));
    }

    /**
     * One transaction, in as many statements as the dialect's IN-list limit needs. The rows still expired are
     * locked first, so the DELETE removes exactly those: a row another node's purge deleted meanwhile is not
     * reported as deleted here (one SELECT more per IN list, once per batch of the purge).
     */
    @Override
    public List<String> deleteExpired(List<String> pks, long now) {
        if (pks.isEmpty()) {
            return List.of();
        }
        return write(runner -> {
            List<String> deleted = new ArrayList<>();
            for (List<String> part : dialect.inLists(pks)) {
                List<String> locked = runner.rows(sql.lockExpired(part, now)).stream()
                        .map(row -> String.valueOf(row[0])).toList();
                if (!locked.isEmpty()) {
                    runner.update(sql.deleteSessions(locked));
                    deleted.addAll(locked);
                }
            }
            return deleted;
        });
    }

    @Override
    public boolean acquireLease(String name, String holder, long now, long until) {
        return write(runner -> writes.takeLease(runner, name, holder, now, until));
    }

    /**
     * The row lock of the dialect's locking SELECT, waited for at most {@code waitMillis} through the statement's
     * timeout (whole seconds, at least one), which every driver enforces whatever the database's own lock timeout
     * is (PostgreSQL's is forever).
     */
    @Override
    public Optional<LockedSession> lockAndLoad(String idHash, long now, long waitMillis) {
        StoreBinding.OpenTransaction tx;
        try {
            tx = binding.begin();
        } catch (StoreFailure e) {
            throw busyOrUnavailable(e);
        }
        try {
            StatementRunner waiting = tx.runner((int) Math.max(1, (waitMillis + 999) / 1000));
            dialect.beforeLongLock().ifPresent(statement -> waiting.update(new Sql.Builder().append(statement).build()));
            List<Object[]> session = waiting.rows(sql.findLiveForUpdate(idHash, now));
            if (session.isEmpty()) {
                tx.close();
                return Optional.empty();
            }
            SessionRow row = SessionRows.toSessionRow(session.get(0));
            Map<String, StoredBean> beans = new HashMap<>();
            waiting.rows(sql.beansOf(row.pk())).stream().map(SessionRows::toStoredBean)
                    .forEach(bean -> beans.put(bean.key(), bean));
            return Optional.of(new Locked(tx, new StoredSession(row, beans)));
        } catch (StoreFailure e) {
            tx.close();
            throw busyOrUnavailable(e);
        } catch (RuntimeException e) {
            tx.close();
            throw e;
        }
    }

    @Override
    public void close() {
        binding.close();
    }

    /** The lock is the row lock of the open transaction; saving commits in it, closing rolls it back. */
    private final class Locked implements LockedSession {

        private final StoreBinding.OpenTransaction tx;
        private final StoredSession session;

        Locked(StoreBinding.OpenTransaction tx, StoredSession session) {
            this.tx = tx;
            this.session = session;
        }

        @Override
        public StoredSession session() {
            return session;
        }

        @Override
        public void save(SessionChanges changes) {
            try {
                writes.apply(tx.runner(timeoutSeconds), changes, true);
                tx.commit();
            } catch (StoreFailure e) {
                throw failureOf(e);
            } finally {
                tx.close();
            }
        }

        @Override
        public List<SessionRow> save(SessionChanges changes, PrincipalLimit limit) {
            ensureLoginLock();
            try {
                StatementRunner runner = tx.runner(timeoutSeconds);
                List<SessionRow> ended = writes.makeRoom(runner, changes.sessionPk(), limit);
                writes.apply(runner, changes, true);
                tx.commit();
                return ended;
            } catch (StoreFailure e) {
                throw failureOf(e);
            } finally {
                tx.close();
            }
        }

        @Override
        public void close() {
            tx.close();
        }
    }

    private <T> T read(StoreBinding.Work<T> work) {
        try {
            return binding.read(0, timeoutSeconds, work);
        } catch (StoreFailure e) {
            throw unavailable(e);
        }
    }

    private <T> T write(StoreBinding.Work<T> work) {
        try {
            return binding.inTransaction(timeoutSeconds, work);
        } catch (StoreFailure e) {
            throw failureOf(e);
        }
    }

    private RuntimeException failureOf(StoreFailure e) {
        return dialect.isConflict(e.sqlException())
                ? new SessionConflictException("another request of this session stored the same bean first")
                : unavailable(e);
    }

    private static SessionStoreUnavailableException busyOrUnavailable(StoreFailure e) {
        return new SessionStoreUnavailableException("the session is busy with another request, or the store "
                + "cannot be reached: " + e.getMessage(), e.getCause());
    }

    private static SessionStoreUnavailableException unavailable(StoreFailure e) {
        return new SessionStoreUnavailableException("the session store cannot be used: " + e.getMessage(),
                e.getCause());
    }
}
