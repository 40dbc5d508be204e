package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;

import dev.tether.support.db.RunsOnEveryDatabase;
import dev.tether.support.db.TestDatabase;

/**
 * The store's persistence unit starts on the JPA provider the test run names ({@code tether.test.jpa-provider}:
 * Hibernate unless the run says EclipseLink), so a run on EclipseLink is one; the JPA store's statements run on the
 * connection each provider lends where it lends one.
 */
@RunsOnEveryDatabase
class JpaProviderTest {

    @Test
    void thePersistenceUnitRunsOnTheProviderOfTheTestRun() throws Exception {
        String provider = System.getProperty("tether.test.jpa-provider", "hibernate");
        DataSource database = TestDatabase.selected().newDatabase();
        EntityManagerFactory emf = TetherPersistenceUnit.start(database);
        try {
            assertThat(emf.getClass().getName())
                    .startsWith(provider.equals("eclipselink") ? "org.eclipse.persistence." : "org.hibernate.");
        } finally {
            emf.close();
            if (database instanceof AutoCloseable pool) {
                pool.close();
            }
        }
    }

    @Test
    void theStatementsRunOnTheConnectionTheProviderLends() throws Exception {
        String provider = System.getProperty("tether.test.jpa-provider", "hibernate");
        DataSource database = TestDatabase.selected().newDatabase();
        JpaBinding binding = JpaBinding.start(database);
        try {
            // Hibernate 6 lends its connection through Session.doReturningWork, in a transaction or not;
            // EclipseLink 4 through unwrap(Connection), in a transaction only
            assertThat(binding.describeStatements()).isEqualTo(provider.equals("eclipselink")
                    ? "outside transactions as native queries, in transactions on the connection lent by "
                            + "EntityManager.unwrap(Connection)"
                    : "outside transactions on the connection lent by Hibernate's Session.doReturningWork, "
                            + "in transactions on the connection lent by Hibernate's Session.doReturningWork");
        } finally {
            binding.close();
            if (database instanceof AutoCloseable pool) {
                pool.close();
            }
        }
    }
}
