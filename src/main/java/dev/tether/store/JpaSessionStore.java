package dev.tether.store;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import dev.tether.SessionConflictException;
import dev.tether.SessionStoreUnavailableException;

/**
 * The store on JPA, in RESOURCE_LOCAL transactions of its own. A request's statements (the load and every write)
 * are plain SQL from {@link SessionSql} run as native queries: no managed entities or snapshots on the read path,
 * no flush on the write path, and no query translation per execution (Hibernate 6 translates a JPQL UPDATE anew
 * each time), like every other statement of {@link SessionSql}, which the JDBC store shares. Only the serialize lock
 * uses JPQL over the session entity: its lock mode and wait are JPA's. Every write is conditional on what the unit
 * loaded (bean versions, the session's ID and principal when it changes them), so a lost race shows as a count of 0
 * and becomes a conflict.
 */
public final class JpaSessionStore implements SessionStore {

    private static final String FIND_LIVE = "SELECT s FROM TetherSession s "
            + "WHERE s.idHash = :idHash AND s.expiresAt > :now";

    private final EntityManagerFactory emf;
    private final StateColumns stateColumns;

    /** A store that reads every stored state, whatever its length. */
    public JpaSessionStore(EntityManagerFactory emf) {
        this(emf, StateColumns.unbounded());
    }

    /** A store that reads each stored state's bytes only when {@code stateColumns} lets it. */
    public JpaSessionStore(EntityManagerFactory emf, StateColumns stateColumns) {
        this.emf = emf;
        this.stateColumns = stateColumns;
    }

    @Override
    public Optional<StoredSession> load(String idHash, long now) {
        return read(em -> SessionRows.toStoredSession(runnerOf(em).rows(SessionSql.loadLive(stateColumns, idHash, now))));
    }

    @Override
    public Optional<StoredSession> loadByPk(String pk) {
        return read(em -> SessionRows.toStoredSession(runnerOf(em).rows(SessionSql.loadByPk(stateColumns, pk))));
    }

    @Override
    public Optional<SessionRow> find(String idHash, long now) {
        return read(em -> runnerOf(em).rows(SessionSql.findLive(idHash, now)).stream().findFirst()
                .map(SessionRows::toSessionRow));
    }

    @Override
    public List<SessionRow> findByPrincipal(String principal, long now) {
        return read(em -> runnerOf(em).rows(SessionSql.findByPrincipal(principal, now)).stream()
                .map(SessionRows::toSessionRow).toList());
    }

    @Override
    public long countLive(long now) {
        return read(em -> ((Number) runnerOf(em).rows(SessionSql.countLive(now)).get(0)[0]).longValue());
    }

    @Override
    public void save(SessionChanges changes) {
        write(em -> {
            apply(em, changes);
            return null;
        });
    }

    private static void apply(EntityManager em, SessionChanges changes) {
        SessionWrites.apply(runnerOf(em), changes);
    }

    /** Native queries of one entity manager. */
    private static StatementRunner runnerOf(EntityManager em) {
        return new StatementRunner() {
            @Override
            public int update(Sql sql) {
                return sql.bind(em).executeUpdate();
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<Object[]> rows(Sql sql) {
                return ((List<Object>) sql.bind(em).getResultList()).stream()
                        .map(row -> row instanceof Object[] columns ? columns : new Object[] {row}).toList();
            }
        };
    }

    /**
     * The bean rows go with the session row through the foreign key's ON DELETE CASCADE: every writer then
     * locks the session row before its beans, and two writers can never wait on each other in a cycle.
     */
    @Override
    public void delete(String pk) {
        write(em -> runnerOf(em).update(SessionSql.deleteSession(pk)));
    }

    @Override
    public List<SessionRow> findExpired(long now, int limit) {
        return read(em -> ((List<?>) SessionSql.findExpired(now).bind(em).setMaxResults(limit).getResultList())
                .stream().map(row -> SessionRows.toSessionRow((Object[]) row)).toList());
    }

    @Override
    public int deleteExpired(List<String> pks, long now) {
        return pks.isEmpty() ? 0 : write(em -> runnerOf(em).update(SessionSql.deleteExpired(pks, now)));
    }

    @Override
    public boolean acquireLease(String name, String holder, long now, long until) {
        return write(em -> SessionWrites.takeLease(runnerOf(em), name, holder, now, until));
    }

    @Override
    public Optional<LockedSession> lockAndLoad(String idHash, long now, long waitMillis) {
        EntityManager em = open();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            Optional<SessionEntity> session = em.createQuery(FIND_LIVE, SessionEntity.class)
                    .setParameter("idHash", idHash).setParameter("now", now)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", (int) Math.min(waitMillis, Integer.MAX_VALUE))
                    .setHint("jakarta.persistence.query.timeout", wholeSecondsMillis(waitMillis))
                    .getResultStream().findFirst();
            if (session.isEmpty()) {
                rollbackQuietly(tx);
                em.close();
                return Optional.empty();
            }
            Map<String, StoredBean> beans = new HashMap<>();
            runnerOf(em).rows(SessionSql.beansOf(stateColumns, session.get().pk)).stream()
                    .map(SessionRows::toStoredBean).forEach(bean -> beans.put(bean.key(), bean));
            return Optional.of(new JpaLockedSession(em, tx, new StoredSession(session.get().toRow(), beans)));
        } catch (PersistenceException e) {
            rollbackQuietly(tx);
            em.close();
            throw new SessionStoreUnavailableException("the session is busy with another request, or the store "
                    + "cannot be reached: " + e.getMessage(), e);
        }
    }

    /**
     * The wait as a query timeout, which every provider passes to the driver and every driver enforces: the lock
     * timeout hint alone is not rendered for PostgreSQL or H2, whose own lock waits are forever or fixed. JDBC
     * counts the timeout in whole seconds, so the wait is rounded up to one.
     */
    private static int wholeSecondsMillis(long waitMillis) {
        return (int) Math.min((Math.max(1, (waitMillis + 999) / 1000)) * 1000, Integer.MAX_VALUE);
    }

    /** The lock is the row lock of the open transaction; saving commits in it, closing rolls it back. */
    private static final class JpaLockedSession implements LockedSession {

        private final EntityManager em;
        private final EntityTransaction tx;
        private final StoredSession session;

        JpaLockedSession(EntityManager em, EntityTransaction tx, StoredSession session) {
            this.em = em;
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
                apply(em, changes);
                tx.commit();
            } catch (PersistenceException e) {
                throw failureOf(e);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            if (em.isOpen()) {
                rollbackQuietly(tx);
                em.close();
            }
        }
    }

    private <T> T read(Function<EntityManager, T> query) {
        EntityManager em = open();
        try {
            return query.apply(em);
        } catch (PersistenceException e) {
            throw unavailable(e);
        } finally {
            em.close();
        }
    }

    private <T> T write(Function<EntityManager, T> work) {
        EntityManager em = open();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (PersistenceException e) {
            throw failureOf(e);
        } finally {
            rollbackQuietly(tx);
            em.close();
        }
    }

    /** A rollback that fails (the database went away) must not hide why the write failed. */
    private static void rollbackQuietly(EntityTransaction tx) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException ignored) {
            // the transaction dies with its connection
        }
    }

    private EntityManager open() {
        try {
            return emf.createEntityManager();
        } catch (PersistenceException e) {
            throw unavailable(e);
        }
    }

    private static RuntimeException failureOf(PersistenceException e) {
        return isConstraintViolation(e) || CommitConflicts.lostToAnother(e)
                ? new SessionConflictException("another request of this session stored the same bean first")
                : unavailable(e);
    }

    /** SQLState class 23 is "integrity constraint violation" on every database we support. */
    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static SessionStoreUnavailableException unavailable(PersistenceException e) {
        return new SessionStoreUnavailableException("the session store cannot be used: " + e.getMessage(), e);
    }
}
