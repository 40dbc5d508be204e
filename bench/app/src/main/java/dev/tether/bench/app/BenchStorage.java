package dev.tether.bench.app;

import java.util.List;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.tether.SessionStorage;

/**
 * The one database every persistent variant uses, counted by {@link StatementCounts}: on WildFly the data source
 * {@value #JNDI_NAME} (H2 or PostgreSQL, set up by bench/run.sh); on a server without it (Payara Micro), the
 * server's default data source. Tether gets it as its {@code @SessionStorage} data source, Spring Session
 * through {@link SpringSessionSetup}.
 */
@ApplicationScoped
public class BenchStorage {

    static final String JNDI_NAME = "java:jboss/datasources/BenchDS";

    /** Looked up in this order; an injected {@code @Resource} would fail the deployment where the first is missing. */
    private static final List<String> CANDIDATES = List.of(JNDI_NAME, "java:comp/DefaultDataSource");

    private final StatementCounts counts = new StatementCounts();
    private DataSource dataSource;
    private String name;
    private DataSource counted;

    @PostConstruct
    void wrap() {
        for (String candidate : CANDIDATES) {
            try {
                dataSource = (DataSource) new InitialContext().lookup(candidate);
                name = candidate;
                break;
            } catch (NamingException missing) {
                // the next one
            }
        }
        if (dataSource == null) {
            throw new IllegalStateException("no data source at " + CANDIDATES);
        }
        counted = counts.wrap(dataSource);
    }

    /** The JNDI name of the data source in use, for the bench to check. */
    String name() {
        return name;
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
