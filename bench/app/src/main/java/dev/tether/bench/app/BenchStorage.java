package dev.tether.bench.app;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.tether.SessionStorage;

/**
 * The one database every persistent variant uses: the server's data source {@value #JNDI_NAME} (H2 or
 * PostgreSQL, set up by bench/run.sh), counted by {@link StatementCounts}. Tether gets it as its
 * {@code @SessionStorage} data source, Spring Session through {@link SpringSessionSetup}.
 */
@ApplicationScoped
public class BenchStorage {

    static final String JNDI_NAME = "java:jboss/datasources/BenchDS";

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    private final StatementCounts counts = new StatementCounts();
    private DataSource counted;

    @PostConstruct
    void wrap() {
        counted = counts.wrap(dataSource);
    }

    @Produces
    @SessionStorage
    DataSource sessionStorage() {
        return counted;
    }

    DataSource counted() {
        return counted;
    }

    /** For the admin resource's bulk fill, which is no request's work. */
    DataSource uncounted() {
        return dataSource;
    }

    StatementCounts counts() {
        return counts;
    }
}
