package dev.tether.it.app;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;

import dev.tether.SessionStorage;

/**
 * Gives Tether a PostgreSQL of the test's own, named in the application's configuration: a plain data source that
 * opens a connection for each use, so what Tether sees of the database is the database itself, with no pool between.
 */
@ApplicationScoped
public class PostgresqlSessionStorage {

    @Inject
    @ConfigProperty(name = "it.sessions.url")
    String url;
    @Inject
    @ConfigProperty(name = "it.sessions.user")
    String user;

    @Produces
    @SessionStorage
    DataSource sessionStorage() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(user);
        return source;
    }
}
