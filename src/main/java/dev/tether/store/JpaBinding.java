package dev.tether.store;

import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Query;

/**
 * The statements as the JPA provider's native queries, in RESOURCE_LOCAL transactions of Tether's own persistence
 * unit ({@link TetherPersistenceUnit}): no managed entity, no snapshot, no flush and no query translation per
 * execution. The default, because JPA is what the application already runs on (Hibernate on WildFly, EclipseLink
 * on Payara).
 */
final class JpaBinding implements StoreBinding {

    /** The standard hint for a statement's timeout, in milliseconds; providers hand it to the driver. */
    private static final String QUERY_TIMEOUT = "jakarta.persistence.query.timeout";

    private final EntityManagerFactory emf;

    JpaBinding(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Starts Tether's own persistence unit on {@code dataSource}. */
    static JpaBinding start(DataSource dataSource) {
        return new JpaBinding(StoreFailure.whenFails(() -> TetherPersistenceUnit.start(dataSource)));
    }

    @Override
    public <T> T read(int maxRows, int timeoutSeconds, Work<T> work) {
        EntityManager em = open();
        try {
            return work.run(new Runner(em, maxRows, timeoutSeconds));
        } finally {
            em.close();
        }
    }

    @Override
    public OpenTransaction begin() {
        EntityManager em = open();
        EntityTransaction tx = em.getTransaction();
        return BoundTransaction.begin(tx::begin, timeout -> new Runner(em, 0, timeout), tx::commit,
                () -> giveBack(em, tx));
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

    /** Native queries of one entity manager. */
    private record Runner(EntityManager em, int maxRows, int timeoutSeconds) implements StatementRunner {

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
