package dev.tether.bench.jmh;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.h2.jdbcx.JdbcConnectionPool;

import dev.tether.SessionStorage;

/** Tether's storage in the benchmarks: a fresh in-memory H2 database behind a connection pool, as on a server. */
@ApplicationScoped
public class InMemoryStorage {

    private final JdbcConnectionPool pool = JdbcConnectionPool.create(
            "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Produces
    @SessionStorage
    DataSource dataSource() {
        return pool;
    }

    @PreDestroy
    void close() {
        pool.dispose();
    }
}
