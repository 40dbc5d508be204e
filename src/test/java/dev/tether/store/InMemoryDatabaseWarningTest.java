package dev.tether.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tether.support.CapturedLog;

/** A store on a database that dies with the server says so once, at its start, with the fix. */
class InMemoryDatabaseWarningTest {

    /** Held, so the level set here stays on the logger the class logs to (the test configuration turns it off). */
    private final Logger logger = Logger.getLogger(InMemoryDatabaseWarning.class.getName());
    private Level configured;

    @BeforeEach
    void hearWarnings() {
        configured = logger.getLevel();
        logger.setLevel(Level.WARNING);
    }

    @AfterEach
    void restoreLevel() {
        logger.setLevel(configured);
    }

    @Test
    void wildFlysDefaultDataSourceIsInMemory() {
        assertThat(InMemoryDatabaseWarning.warning("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("(jdbc:h2:mem:test)", "lost when the server stops", "tether.datasource",
                                "/subsystem=datasources/data-source=ExampleDS:write-attribute(name=connection-url")
                        .doesNotContain("DB_CLOSE_DELAY"));
    }

    @Test
    void hsqldbAndDerbyMemoryDatabasesAreInMemory() {
        assertThat(InMemoryDatabaseWarning.warning("jdbc:hsqldb:mem:sessions")).isPresent();
        assertThat(InMemoryDatabaseWarning.warning("jdbc:derby:memory:sessions;create=true")).isPresent();
        assertThat(InMemoryDatabaseWarning.warning("JDBC:H2:MEM:sessions")).isPresent();
    }

    @Test
    void databasesThatOutliveTheServerAreNot() {
        assertThat(InMemoryDatabaseWarning.warning("jdbc:h2:file:/var/data/tether;DB_CLOSE_ON_EXIT=FALSE")).isEmpty();
        assertThat(InMemoryDatabaseWarning.warning("jdbc:h2:/opt/payara/domains/domain1/lib/databases/embedded_default"))
                .isEmpty();
        assertThat(InMemoryDatabaseWarning.warning("jdbc:postgresql://db/sessions")).isEmpty();
        assertThat(InMemoryDatabaseWarning.warning("jdbc:derby:/var/data/sessions")).isEmpty();
        assertThat(InMemoryDatabaseWarning.warning(null)).isEmpty();
    }

    @Test
    void theUrlsSettingsStayOutOfTheLog() {
        assertThat(InMemoryDatabaseWarning.warning("jdbc:h2:mem:sessions;PASSWORD=secret"))
                .hasValueSatisfying(warning -> assertThat(warning).doesNotContain("secret"));
    }

    @Test
    void anInMemoryDataSourceLogsOneWarning() {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:in-memory-warning-test;DB_CLOSE_DELAY=-1");

        try (CapturedLog log = CapturedLog.of(logger.getName())) {
            InMemoryDatabaseWarning.warnIfInMemory(memory);

            assertThat(log.warnings()).singleElement().asString()
                    .startsWith("Tether: the session store is an in-memory database (jdbc:h2:mem:in-memory-warning-test)");
        }
    }

    @Test
    void aFileDataSourceLogsNothing(@TempDir Path directory) {
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + directory.resolve("sessions"));

        try (CapturedLog log = CapturedLog.of(logger.getName())) {
            InMemoryDatabaseWarning.warnIfInMemory(file);

            assertThat(log.warnings()).isEmpty();
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsLeftToTheStoresStart() {
        JdbcDataSource unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");

        try (CapturedLog log = CapturedLog.of(logger.getName())) {
            InMemoryDatabaseWarning.warnIfInMemory(unreachable);

            assertThat(log.warnings()).isEmpty();
        }
    }
}
