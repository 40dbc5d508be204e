package dev.tether.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Warns when Tether's data source is a database that lives only in memory: the sessions would be lost with the
 * server, which is the one thing Tether exists to prevent. WildFly's default data source ({@code ExampleDS}) is
 * such a database, so an application deployed with no configuration at all meets this first.
 */
final class InMemoryDatabaseWarning {

    private static final Logger LOG = Logger.getLogger(InMemoryDatabaseWarning.class.getName());
    /** The URLs of H2, HSQLDB and Derby databases that exist only in the memory of the process. */
    private static final List<String> IN_MEMORY_URLS = List.of("jdbc:h2:mem:", "jdbc:hsqldb:mem:", "jdbc:derby:memory:");

    private InMemoryDatabaseWarning() {
    }

    /**
     * Logs one warning when {@code dataSource} is an in-memory database. A database that cannot be asked is no
     * concern of this check: the store's start reports it.
     *
     * @param dataSource the data source the store is about to start on
     */
    static void warnIfInMemory(DataSource dataSource) {
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        } catch (SQLException e) {
            return;
        }
        Optional<String> warning = warning(url);
        if (warning.isPresent()) {
            LOG.warning(warning.get());
        }
    }

    /** The warning for a database at this JDBC URL, or empty when the database outlives the server. */
    static Optional<String> warning(String jdbcUrl) {
        if (jdbcUrl == null || IN_MEMORY_URLS.stream().noneMatch(jdbcUrl.toLowerCase(Locale.ROOT)::startsWith)) {
            return Optional.empty();
        }
        return Optional.of("Tether: the session store is an in-memory database (" + withoutSettings(jdbcUrl)
                + "): every session is lost when the server stops. Point tether.datasource at a data source on a "
                + "file or a database server; on WildFly, whose default data source ExampleDS is in memory, this CLI "
                + "command (then a reload) keeps it in a file instead: /subsystem=datasources/data-source=ExampleDS"
                + ":write-attribute(name=connection-url, value=\"jdbc:h2:file:${jboss.server.data.dir}/tether;"
                + "DB_CLOSE_ON_EXIT=FALSE\")");
    }

    /** The URL up to its settings, which may hold a password. */
    private static String withoutSettings(String jdbcUrl) {
        int settings = jdbcUrl.indexOf(';');
        return settings < 0 ? jdbcUrl : jdbcUrl.substring(0, settings);
    }
}
