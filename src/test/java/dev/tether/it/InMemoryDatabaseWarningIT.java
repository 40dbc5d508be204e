package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/**
 * An application whose sessions would die with the server hears it at deployment: Tether's store on an in-memory
 * H2 (the WAR's own data source, as WildFly's default one is) logs one warning in the server's log, and the store
 * on the test servers' default data source, an H2 file, logs none.
 */
@ExtendWith(ArquillianExtension.class)
class InMemoryDatabaseWarningIT {

    private static final String IN_MEMORY = "in-memory-store";
    private static final String ON_FILE = "file-store";
    private static final String WARNING = "Tether: the session store is an in-memory database";

    @Deployment(name = IN_MEMORY, managed = false, testable = false)
    static WebArchive inMemory() {
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <data-source>
                    <name>java:app/jdbc/memory</name>
                    <class-name>org.h2.jdbcx.JdbcDataSource</class-name>
                    <url>jdbc:h2:mem:tether-warning-it;DB_CLOSE_DELAY=-1</url>
                    <user>sa</user>
                    <password>sa</password>
                  </data-source>
                </web-app>
                """;
        return Wars.app(IN_MEMORY, "tether.datasource=java:app/jdbc/memory\n")
                .setWebXML(new StringAsset(webXml))
                .addAsLibrary(Wars.jarOf(org.h2.Driver.class));
    }

    @Deployment(name = ON_FILE, managed = false, testable = false)
    static WebArchive onFile() {
        return Wars.app(ON_FILE, "");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void aStoreInMemoryWarnsOnceAtDeployment() throws Exception {
        ServerLog log = ServerLog.fromNow();

        String logged = deployAndStoreASession(IN_MEMORY, log, true);

        assertThat(logged).contains(WARNING + " (jdbc:h2:mem:tether-warning-it)", "tether.datasource",
                "data-source=ExampleDS:write-attribute(name=connection-url");
        assertThat(logged.split(WARNING, -1)).as("one warning in%n%s", logged).hasSize(2);
    }

    @Test
    void aStoreInAFileDoesNot() throws Exception {
        ServerLog log = ServerLog.fromNow();

        String logged = deployAndStoreASession(ON_FILE, log, false);

        assertThat(logged).doesNotContain(WARNING);
    }

    /**
     * Deploys the application, stores a session through it (so its store has certainly started), and returns what
     * the server logged meanwhile, waiting a while for the warning when one is expected.
     */
    private String deployAndStoreASession(String app, ServerLog log, boolean warningExpected) throws Exception {
        deployer.deploy(app);
        try {
            HttpResponse<String> stored = new Client(base(app)).post("api/notes?item=kept");
            assertThat(stored.statusCode()).as(stored.body()).isBetween(200, 299);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (warningExpected && !log.since().contains(WARNING) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            return log.since();
        } finally {
            deployer.undeploy(app);
        }
    }

    private static java.net.URL base(String app) throws MalformedURLException {
        int http = "payara".equals(System.getProperty("arquillian.launch"))
                ? Integer.getInteger("server.http.port")
                : 8080 + Integer.getInteger("server.offset");
        return URI.create("http://127.0.0.1:" + http + "/" + app + "/").toURL();
    }

    /**
     * The server's log from a moment on. WildFly writes {@code standalone/log/server.log} under its installation;
     * Payara Micro logs to its standard output, which its Arquillian adapter copies line by line to this JVM's
     * {@code System.out}, so that stream is copied here as well.
     */
    private interface ServerLog {

        String since();

        static ServerLog fromNow() throws IOException {
            if ("payara".equals(System.getProperty("arquillian.launch"))) {
                return PayaraOutput.INSTANCE.fromNow();
            }
            Path file = Path.of(System.getProperty("server.home"), "standalone", "log", "server.log");
            long start = Files.size(file);
            return () -> {
                try {
                    byte[] all = Files.readAllBytes(file);
                    return new String(all, (int) Math.min(start, all.length), (int) Math.max(0, all.length - start),
                            StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }
    }

    /** This JVM's standard output, still printed, and kept from the first use on. */
    private static final class PayaraOutput extends OutputStream {

        static final PayaraOutput INSTANCE = new PayaraOutput();

        private final StringBuffer kept = new StringBuffer();

        private PayaraOutput() {
            PrintStream console = System.out;
            System.setOut(new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    console.write(b);
                    PayaraOutput.this.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    console.write(bytes, offset, length);
                    PayaraOutput.this.write(bytes, offset, length);
                }
            }, true, StandardCharsets.UTF_8));
        }

        ServerLog fromNow() {
            int start = kept.length();
            return () -> kept.substring(start);
        }

        @Override
        public void write(int b) {
            kept.append((char) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            kept.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
    }
}
