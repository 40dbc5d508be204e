package dev.tether.store;

import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Query;

/**
 * The statements in RESOURCE_LOCAL transactions of Tether's own persistence unit ({@link TetherPersistenceUnit}),
 * which maps no entity: no snapshot, no flush and no query translation. Each statement runs on the connection the
 * provider lends ({@link LentConnection}), inside the entity manager's transaction when there is one; where the
 * provider lends none, as its native query. The default store, because JPA is what the application already runs
 * on (Hibernate on WildFly, EclipseLink on Payara).
 */
final class JpaBinding implements StoreBinding {

    private static final Logger LOG = Logger.getLogger(JpaBinding.class.getName());

    /** The standard hint for a statement's timeout, in milliseconds; providers hand it to the driver. */
    private static final String QUERY_TIMEOUT = "jakarta.persistence.query.timeout";

    private final EntityManagerFactory emf;
    /** How reads reach the connection, outside a transaction; {@code null}: as native queries. */
    private final LentConnection lentForReads;
    /** How a transaction's statements reach its connection; {@code null}: as native queries. */
    private final LentConnection lentInTransactions;

    JpaBinding(EntityManagerFactory emf, LentConnection lentForReads, LentConnection lentInTransactions) {
        this.emf = emf;
        this.lentForReads = lentForReads;
        this.lentInTransactions = lentInTransactions;
    }

    /** Starts Tether's own persistence unit on {@code dataSource}, and finds how its provider lends connections. */
    static JpaBinding start(DataSource dataSource) {
        EntityManagerFactory emf = StoreFailure.whenFails(() -> TetherPersistenceUnit.start(dataSource));
        try {
            return lendingOf(emf);
        } catch (RuntimeException e) {
            emf.close();
            throw e;
        }
    }

    private static JpaBinding lendingOf(EntityManagerFactory emf) {
        EntityManager em = StoreFailure.whenFails(emf::createEntityManager);
        try {
            LentConnection forReads = LentConnections.find(em).orElse(null);
            EntityTransaction tx = em.getTransaction();
            StoreFailure.whenFails(() -> {
                tx.begin();
                return null;
            });
            LentConnection inTransactions = LentConnections.find(em).orElse(null);
            JpaBinding binding = new JpaBinding(emf, forReads, inTransactions);
            LOG.info(() -> "Tether: the JPA store runs its statements " + binding.describeStatements());
            return binding;
        } finally {
            giveBack(em, em.getTransaction());
        }
    }

    /** How the statements reach the database, for a log line and a test. */
    String describeStatements() {
        return "outside transactions " + describe(lentForReads) + ", in transactions " + describe(lentInTransactions);
    }

    private static String describe(LentConnection lent) {
        return lent == null ? "as native queries" : "on the connection lent by " + lent.describe();
    }

    @Override
    public <T> T read(int maxRows, int timeoutSeconds, Work<T> work) {
        EntityManager em = open();
        try {
            return work.run(statements(em, lentForReads, maxRows, timeoutSeconds));
        } finally {
            em.close();
        }
    }

    @Override
    public OpenTransaction begin() {
        EntityManager em = open();
        EntityTransaction tx = em.getTransaction();
        return BoundTransaction.begin(tx::begin, timeout -> statements(em, lentInTransactions, 0, timeout),
                tx::commit, () -> giveBack(em, tx));
    }

    private static StatementRunner statements(EntityManager em, LentConnection lent, int maxRows, int timeoutSeconds) {
        return lent == null ? new NativeQueries(em, maxRows, timeoutSeconds)
                : new LentStatements(em, lent, maxRows, timeoutSeconds);
    }

    private static void giveBack(EntityManager em, EntityTransaction tx) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } finally {
            em.close();
        }
    }

    @Override
    public void close() {
        if (emf.isOpen()) {
            emf.close();
        }
    }

    private EntityManager open() {
        return StoreFailure.whenFails(emf::createEntityManager);
    }

    /** Each statement on the connection the provider lends for it: JDBC's cost, in the provider's transaction. */
    private record LentStatements(EntityManager em, LentConnection lent, int maxRows, int timeoutSeconds)
            implements StatementRunner {

        @Override
        public int update(Sql sql) {
            return lent.call(em, connection -> new ConnectionStatements(connection, maxRows, timeoutSeconds).update(sql));
        }

        @Override
        public List<Object[]> rows(Sql sql) {
            return lent.call(em, connection -> new ConnectionStatements(connection, maxRows, timeoutSeconds).rows(sql));
        }
    }

    /** Native queries of one entity manager, for a provider that lends no connection. */
    private record NativeQueries(EntityManager em, int maxRows, int timeoutSeconds) implements StatementRunner {

        @Override
        public int update(Sql sql) {
            return StoreFailure.whenFails(() -> bind(sql).executeUpdate());
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Object[]> rows(Sql sql) {
            return StoreFailure.whenFails(() -> ((List<Object>) bind(sql).getResultList()).stream()
                    .map(row -> row instanceof Object[] columns ? columns : new Object[] {row}).toList());
        }

        private Query bind(Sql sql) {
            Query query = em.createNativeQuery(sql.text());
            List<Object> parameters = sql.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            if (maxRows > 0) {
                query.setMaxResults(maxRows);
            }
            if (timeoutSeconds > 0) {
                query.setHint(QUERY_TIMEOUT, timeoutSeconds * 1000);
            }
            return query;
        }
    }
}
