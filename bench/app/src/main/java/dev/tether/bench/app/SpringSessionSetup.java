package dev.tether.bench.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session JDBC without a Spring context: the repository on the benchmark's counted data source, its
 * schema from the script Spring Session ships, and its {@link SessionRepositoryFilter} on the
 * {@code spring-session-jdbc} path only, so the other variants keep the server's own HttpSession.
 */
@WebListener
public class SpringSessionSetup implements ServletContextListener {

    private static final String PATH = "/api/spring-session-jdbc/*";

    @Inject
    BenchStorage storage;

    private JdbcIndexedSessionRepository repository;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        DataSource dataSource = storage.counted();
        createSchema(storage.uncounted());
        repository = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        repository.setConversionService(conversions());
        // its scheduled cleanup of expired sessions stays off, as Tether's purge does during the runs
        repository.setCleanupCron(Scheduled.CRON_DISABLED);
        repository.afterPropertiesSet();
        event.getServletContext().addFilter("spring-session", new SessionRepositoryFilter<>(repository))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, PATH);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (repository != null) {
            repository.destroy();
        }
    }

    /** Attribute bytes read with this application's class loader, as Spring's own configuration does. */
    private GenericConversionService conversions() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, new DeserializingConverter(getClass().getClassLoader()));
        return conversions;
    }

    private static void createSchema(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try {
                statement.executeQuery("SELECT COUNT(*) FROM SPRING_SESSION WHERE 1 = 0").close();
                return;
            } catch (SQLException missing) {
                // created below
            }
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            String script = "org/springframework/session/jdbc/schema-" + (product.contains("h2") ? "h2" : "postgresql")
                    + ".sql";
            for (String sql : read(script).split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql.strip());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create Spring Session's tables: " + e.getMessage(), e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = JdbcIndexedSessionRepository.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from spring-session-jdbc");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
