package dev.tether.it.app;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.tether.SessionStorage;

/** Gives Tether the server's default data source, wrapped so that every statement Tether runs is counted. */
@ApplicationScoped
public class CountedSessionStorage {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private final JdbcStatementCounts counts = new JdbcStatementCounts();
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

    public JdbcStatementCounts counts() {
        return counts;
    }
}
