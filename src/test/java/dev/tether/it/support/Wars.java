package dev.tether.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.tether.it.app.AccountResource;
import dev.tether.it.app.Cart;
import dev.tether.it.app.Clicks;
import dev.tether.it.app.CommittingServlet;
import dev.tether.it.app.Counted;
import dev.tether.it.app.CountedSessionStorage;
import dev.tether.it.app.Counter;
import dev.tether.it.app.CounterResource;
import dev.tether.it.app.CountingDecorator;
import dev.tether.it.app.CountingInterceptor;
import dev.tether.it.app.DecoratedCounter;
import dev.tether.it.app.DispatchedServlet;
import dev.tether.it.app.ExplicitApplication;
import dev.tether.it.app.Gate;
import dev.tether.it.app.InterceptedCounter;
import dev.tether.it.app.Invocations;
import dev.tether.it.app.Itinerary;
import dev.tether.it.app.ItApplication;
import dev.tether.it.app.JdbcStatementCounts;
import dev.tether.it.app.Notes;
import dev.tether.it.app.NodeResource;
import dev.tether.it.app.NotesServlet;
import dev.tether.it.app.OwnEntity;
import dev.tether.it.app.OwnPersistenceResource;
import dev.tether.it.app.PlainBeansResource;
import dev.tether.it.app.PostgresqlSessionStorage;
import dev.tether.it.app.PrincipalResource;
import dev.tether.it.app.PurgeResource;
import dev.tether.it.app.Rendezvous;
import dev.tether.it.app.Scrapbook;
import dev.tether.it.app.ScrapbookResource;
import dev.tether.it.app.SessionResource;
import dev.tether.it.app.StatisticsResource;
import dev.tether.it.app.StatementCountsResource;
import dev.tether.it.app.Tag;
import dev.tether.it.app.Tags;
import dev.tether.it.app.TagsResource;
import dev.tether.it.app.Tally;
import dev.tether.it.app.admin.SessionsAdmin;
import dev.tether.it.app.admin.TestUsers;
import dev.tether.it.app.rolling.Address;
import dev.tether.it.app.rolling.Badge;
import dev.tether.it.app.rolling.NamedFields;
import dev.tether.it.app.rolling.Preferences;
import dev.tether.it.app.rolling.Profile;
import dev.tether.it.app.rolling.RollingResource;
import dev.tether.it.app.rolling.Score;

/** Test WARs as a user builds them: their classes, and the Tether jar (the one this build made) in WEB-INF/lib. */
public final class Wars {

    private Wars() {
    }

    public static JavaArchive tetherJar() {
        return ShrinkWrap.createFromZipFile(JavaArchive.class, new File(System.getProperty("tether.jar")));
    }

    /** The test application; {@code config} becomes its microprofile-config.properties when not empty. */
    public static WebArchive app(String name, String config) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(ItApplication.class, Notes.class, Tally.class, Rendezvous.class, SessionResource.class,
                        NotesServlet.class, AccountResource.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibrary(tetherJar());
        if (!config.isEmpty()) {
            war.addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
        }
        return war;
    }

    /** The test application, authenticating requests from the principal of their persistent session. */
    public static WebArchive appWithSessionLogin(String name) {
        return app(name, "tether.authentication-mechanism=true\n");
    }

    /**
     * The test application with Tether's admin resource registered (at {@code api/admin/sessions}) and users who
     * log in with HTTP Basic: {@link TestUsers}. The roles are declared in {@code web.xml}, which Payara's default
     * mapping of groups to roles needs.
     */
    public static WebArchive appWithSessionAdmin(String name) {
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <security-role><role-name>%s</role-name></security-role>
                  <security-role><role-name>%s</role-name></security-role>
                </web-app>
                """.formatted(TestUsers.ADMIN_ROLE, TestUsers.OTHER_ROLE);
        return app(name, "").addClasses(SessionsAdmin.class, TestUsers.class).setWebXML(new StringAsset(webXml));
    }

    /**
     * The test application with the resources of the multi-server tests, its sessions in a PostgreSQL data source
     * the WAR defines itself (in {@code web.xml}, with the JDBC driver in {@code WEB-INF/lib}), named in
     * {@code tether.datasource}: configuration only, as a user would do it. The test databases trust every local
     * connection; the password is there because Payara's pool refuses a data source without one.
     */
    public static WebArchive appOnPostgresql(String name, String jdbcUrl, String user) {
        return appOnPostgresql(name, jdbcUrl, user, "");
    }

    /** {@link #appOnPostgresql(String, String, String)} with {@code config} added to its settings. */
    public static WebArchive appOnPostgresql(String name, String jdbcUrl, String user, String config) {
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <data-source>
                    <name>java:app/jdbc/sessions</name>
                    <class-name>org.postgresql.ds.PGSimpleDataSource</class-name>
                    <url>%s</url>
                    <user>%s</user>
                    <password>unused</password>
                    <max-pool-size>20</max-pool-size>
                  </data-source>
                </web-app>
                """.formatted(jdbcUrl, user);
        return app(name, "tether.datasource=java:app/jdbc/sessions\n" + config)
                .addClasses(NodeResource.class, Gate.class)
                .setWebXML(new StringAsset(webXml))
                .addAsLibrary(jarOf(org.postgresql.Driver.class));
    }

    /**
     * The test application with the resources of the multi-server tests, the session's principal and the purge, its
     * sessions in a MariaDB data source the WAR defines itself (MariaDB Connector/J in {@code WEB-INF/lib}) at
     * {@code jdbcUrl}, with {@code config} as its microprofile-config.properties besides {@code tether.datasource}.
     * Not transactional: WildFly makes an XA data source of {@code MariaDbDataSource} (it is an {@code XADataSource}
     * too), Galera refuses XA transactions, and so every use inside a JTA transaction would fail. Tether's own
     * transactions are its own (resource-local) anyway.
     */
    public static WebArchive appOnMariaDb(String name, String jdbcUrl, String config) {
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <data-source>
                    <name>java:app/jdbc/sessions</name>
                    <class-name>org.mariadb.jdbc.MariaDbDataSource</class-name>
                    <url>%s</url>
                    <transactional>false</transactional>
                    <max-pool-size>20</max-pool-size>
                  </data-source>
                </web-app>
                """.formatted(jdbcUrl.replace("&", "&amp;"));
        return app(name, "tether.datasource=java:app/jdbc/sessions\n" + config)
                .addClasses(NodeResource.class, Gate.class, PrincipalResource.class, PurgeResource.class)
                .setWebXML(new StringAsset(webXml))
                .addAsLibrary(jarOf(org.mariadb.jdbc.Driver.class));
    }

    /**
     * Version 1 of the rolling-deploy test's application on PostgreSQL: the beans of {@code dev.tether.it.app.rolling}
     * as the build compiled them.
     */
    public static WebArchive rollingVersion1(String name, String jdbcUrl, String user) {
        return appOnPostgresql(name, jdbcUrl, user).addClasses(NamedFields.class, RollingResource.class,
                Profile.class, Address.class, Preferences.class, Badge.class, Score.class);
    }

    /**
     * Version 2 of the same application: the same resource and interface, and in place of version 1's beans the
     * class files under {@code beanClasses} (a directory laid out by package), which have the same names.
     */
    public static WebArchive rollingVersion2(String name, String jdbcUrl, String user, Path beanClasses) {
        WebArchive war = appOnPostgresql(name, jdbcUrl, user).addClasses(NamedFields.class, RollingResource.class);
        try (Stream<Path> files = Files.walk(beanClasses)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String path = beanClasses.relativize(file).toString().replace(File.separatorChar, '/');
                war.add(new FileAsset(file.toFile()), "WEB-INF/classes/" + path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return war;
    }

    /**
     * The test application with its sessions in a PostgreSQL it reaches through a {@code @SessionStorage} producer of
     * its own, with no pool of the server's in between.
     */
    public static WebArchive appWithOwnPostgresqlStorage(String name, String jdbcUrl, String user) {
        return app(name, "it.sessions.url=" + jdbcUrl + "\nit.sessions.user=" + user + "\n")
                .addClass(PostgresqlSessionStorage.class)
                .addAsLibrary(jarOf(org.postgresql.Driver.class));
    }

    public static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test application with requests a test can hold at a {@link Gate} and release when it chooses, and the
     * session's own principal readable over HTTP: for requests of one session that overlap.
     */
    public static WebArchive appWithGates(String name) {
        return app(name, "").addClasses(Gate.class, NodeResource.class, PrincipalResource.class);
    }

    /**
     * The test application with a persistent bean that has an interceptor binding and one that has a decorator,
     * both enabled by {@code @Priority} alone, as most applications enable them.
     */
    public static WebArchive appWithInterceptedBeans(String name) {
        return app(name, "").addClasses(Counted.class, CountingInterceptor.class, InterceptedCounter.class,
                Counter.class, CountingDecorator.class, DecoratedCounter.class, Invocations.class,
                CounterResource.class);
    }

    /**
     * The test application with its sessions in the server's default data source, handed to Tether through a
     * {@code @SessionStorage} producer that counts each SQL statement, and a bean whose bytes change at every load.
     * The purge stays away for the length of a test, so every statement counted is a request's.
     */
    public static WebArchive appWithCountedStatements(String name) {
        return app(name, "tether.purge-interval=PT24H\n").addClasses(Tag.class, Tags.class, TagsResource.class,
                JdbcStatementCounts.class, CountedSessionStorage.class, StatementCountsResource.class);
    }

    /**
     * The test application with beans as a new user writes them (the Quick start's cart, a counter with a private
     * field and no accessors, a nested object, a map and an enum), every bean stored as JSON-B.
     */
    public static WebArchive appStoredAsJsonb(String name) {
        return app(name, "tether.codec=jsonb\n").addClasses(Cart.class, Clicks.class, Itinerary.class,
                Itinerary.Mode.class, Itinerary.Stop.class, PlainBeansResource.class);
    }

    /**
     * The test application with a Servlet that commits its response in each way a Servlet can, and a persistent
     * bean whose write-back fails with a server error.
     */
    public static WebArchive appWithCommittingServlet(String name) {
        return app(name, "").addClasses(CommittingServlet.class, DispatchedServlet.class, Scrapbook.class,
                ScrapbookResource.class, StatisticsResource.class);
    }

    /** The test application plus a second JAX-RS application that lists its classes and registers TetherFeature. */
    public static WebArchive appWithExplicitApplication(String name) {
        return app(name, "").addClass(ExplicitApplication.class);
    }

    /** The test application with a default persistence unit of its own. */
    public static WebArchive appWithOwnPersistenceUnit(String name) {
        String persistence = """
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="own">
                    <jta-data-source>java:comp/DefaultDataSource</jta-data-source>
                    <class>dev.tether.it.app.OwnEntity</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <properties>
                      <property name="jakarta.persistence.schema-generation.database.action" value="drop-and-create"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """;
        return app(name, "").addClasses(OwnEntity.class, OwnPersistenceResource.class)
                .addAsResource(new StringAsset(persistence), "META-INF/persistence.xml");
    }
}
