package dev.tether.store;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

/**
 * Tether's persistence unit, described in code instead of a {@code persistence.xml}. A unit declared in
 * the library's jar would be deployed by the server as one of the application's units and make the
 * application's own {@code @PersistenceContext} without {@code unitName} ambiguous; a unit built here is
 * invisible to the server and to the application.
 */
final class TetherPersistenceUnit implements PersistenceUnitInfo {

    static final String NAME = "tether";

    private final DataSource dataSource;

    private TetherPersistenceUnit(DataSource dataSource) {
        // the provider never sees a SQLException of getting a connection, so it logs none (see ShieldedDataSource)
        this.dataSource = ShieldedDataSource.wrap(dataSource);
    }

    /** Starts the unit on the first JPA provider the runtime offers (Hibernate on WildFly, EclipseLink on Payara). */
    static EntityManagerFactory start(DataSource dataSource) {
        List<PersistenceProvider> providers =
                PersistenceProviderResolverHolder.getPersistenceProviderResolver().getPersistenceProviders();
        if (providers.isEmpty()) {
            throw new PersistenceException("no JPA provider is visible to the application; Tether needs one "
                    + "(every Jakarta EE server has one; in Java SE add Hibernate or EclipseLink)");
        }
        TetherPersistenceUnit unit = new TetherPersistenceUnit(dataSource);
        return providers.get(0).createContainerEntityManagerFactory(unit, Map.of());
    }

    @Override
    public String getPersistenceUnitName() {
        return NAME;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return null;
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return TetherPersistenceUnit.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    public List<String> getManagedClassNames() {
        // every statement is a native query (SessionSql): the unit maps no entity
        return List.of();
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        // other nodes change rows behind our back: a second-level cache would serve stale sessions
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        Properties properties = new Properties();
        // there is no entity to weave or enhance
        properties.setProperty("eclipselink.weaving", "false");
        properties.setProperty("eclipselink.cache.shared.default", "false");
        properties.setProperty("hibernate.bytecode.use_reflection_optimizer", "false");
        // each connection Hibernate gives back would cost two more driver calls to read and clear the SQL warnings
        // it logs, and each session a count: Tether reports its statements' failures itself and has its own metrics
        properties.setProperty("hibernate.jdbc.log.warnings", "false");
        properties.setProperty("hibernate.generate_statistics", "false");
        // the JPA timeout hints are milliseconds; older EclipseLink releases read them as seconds unless told
        properties.setProperty("eclipselink.query.timeout.unit", "MILLISECONDS");
        // through java.util.logging, where the server's log is, rather than EclipseLink's own print to System.out;
        // and only its SEVERE lines: it logs every exception a query passes on as a WARNING with the database's text,
        // and Tether judges and reports those itself (a conflict is a 409, an outage a 503). Its other warning, an
        // empty metamodel, is true of a unit that maps no entity on purpose
        properties.setProperty("eclipselink.logging.logger", "JavaLogger");
        properties.setProperty("eclipselink.logging.level", "SEVERE");
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return TetherPersistenceUnit.class.getClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // weaving is off: there is nothing to transform
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return getClassLoader();
    }
}
