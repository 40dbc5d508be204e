package dev.tether.support.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A connection pool over one test database, as a server's data source has: opening a real connection to
 * PostgreSQL or MariaDB for every unit of work would make the tests slow for no reason of Tether's.
 */
final class Pool {

    private Pool() {
    }

    static HikariDataSource over(DataSource database, String name) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database);
        config.setPoolName(name);
        config.setMinimumIdle(0);
        config.setMaximumPoolSize(10);
        // a pool a test forgot to close gives its connections back soon
        config.setIdleTimeout(10_000);
        return new HikariDataSource(config);
    }
}
