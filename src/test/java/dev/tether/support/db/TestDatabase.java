package dev.tether.support.db;

import java.util.Locale;

import javax.sql.DataSource;

/**
 * The database the fast tests store sessions in, chosen for the whole test JVM by the system property
 * {@value #PROPERTY}: {@code h2} (the default, in memory), {@code postgresql} or {@code mariadb} (real servers
 * the tests start themselves, once per JVM, from binaries that come from Maven Central).
 */
public interface TestDatabase {

    String PROPERTY = "tether.test.database";

    /**
     * A new, empty database of its own (a schema on PostgreSQL), so no test sees another test's rows. A data
     * source that is {@link AutoCloseable} (a pool) is closed by whoever asked for it, once done.
     */
    DataSource newDatabase();

    static TestDatabase selected() {
        String name = System.getProperty(PROPERTY, "h2").strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "h2" -> new H2Databases();
            case "postgresql" -> PostgresqlServer.forFastTests();
            case "mariadb" -> MariaDbServer.forFastTests();
            default -> throw new IllegalArgumentException(PROPERTY + "=" + name
                    + " is not a test database; expected h2, postgresql or mariadb");
        };
    }
}
