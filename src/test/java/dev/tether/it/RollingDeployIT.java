package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.tether.support.db.PostgresqlServer;
import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;
import dev.tether.it.support.WildFlyNode;

/**
 * A rolling deploy: two WildFly servers on one PostgreSQL, one still running version 1 of the application and the
 * other already running version 2, behind a balancer that sends each request of a session to either. Between the
 * versions, {@code Profile} (Java serialization, a fixed {@code serialVersionUID}) and {@code Preferences} (JSON-B)
 * each lost a field and gained one ({@code Profile}'s of classes that only the version with the field has), and
 * {@code Badge} (Java serialization) and {@code Score} (JSON-B) changed the type of a field. Sessions move from one
 * version to the other and back, never with a server error: the fields both versions have keep their values in
 * both directions, and a bean whose change is incompatible starts fresh on each side with one warning there.
 *
 * <p>Version 1's beans are in {@code dev.tether.it.app.rolling}; version 2's, the same classes changed, are in
 * {@code src/test/resources/rolling-deploy/v2}.
 */
@EnabledIfSystemProperty(named = "wildfly.home", matches = ".+", disabledReason = "runs WildFly 39 servers of its own")
class RollingDeployIT {

    private static final String APP = "rolling";
    private static final int DATABASE_PORT = Integer.getInteger("it.rolling.postgresql.port", 15434);
    private static final int VERSION_1_OFFSET = Integer.getInteger("it.rolling.node1.offset", 1800);
    private static final int VERSION_2_OFFSET = Integer.getInteger("it.rolling.node2.offset", 1900);
    private static final String UNREADABLE = "Tether: the stored state of ";

    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    @TempDir
    static Path version2Classes;

    private static PostgresqlServer database;
    private static WildFlyNode version1;
    private static WildFlyNode version2;

    @BeforeAll
    static void startBothVersionsOnOneDatabase() {
        database = PostgresqlServer.start(DATABASE_PORT);
        compileVersion2(version2Classes);
        version1 = new WildFlyNode("rolling-v1", VERSION_1_OFFSET,
                Wars.rollingVersion1(APP, database.jdbcUrl(), database.user()));
        version2 = new WildFlyNode("rolling-v2", VERSION_2_OFFSET,
                Wars.rollingVersion2(APP, database.jdbcUrl(), database.user(), version2Classes));
        CompletableFuture.allOf(CompletableFuture.runAsync(version1::start, THREADS),
                CompletableFuture.runAsync(version2::start, THREADS)).join();
    }

    @AfterAll
    static void stopEverything() {
        THREADS.shutdownNow();
        for (WildFlyNode node : new WildFlyNode[] {version1, version2}) {
            if (node != null) {
                node.stop();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void javaSerializationWithAFixedSerialVersionUidKeepsTheSharedFieldInBothDirections() {
        Client onVersion1 = new Client(version1.url());
        Client onVersion2 = onVersion1.at(version2.url());
        ok(onVersion1.post("api/rolling/profile?field=name&value=Ada"));
        ok(onVersion1.post("api/rolling/profile?field=city&value=Lyon"));

        // the field version 2 added reads as the JVM's default, not as what its constructor gives it
        assertThat(ok(onVersion2.get("api/rolling/profile"))).isEqualTo("name=Ada email=null");
        ok(onVersion2.post("api/rolling/profile?field=email&value=ada@example.org"));
        assertThat(ok(onVersion2.post("api/rolling/profile?field=name&value=Grace")))
                .isEqualTo("name=Grace email=ada@example.org");
        assertThat(ok(onVersion1.get("api/rolling/profile"))).isEqualTo("name=Grace city=null");
        ok(onVersion1.post("api/rolling/profile?field=city&value=Turin"));
        assertThat(ok(onVersion1.post("api/rolling/profile?field=name&value=Edsger")))
                .isEqualTo("name=Edsger city=Turin");
        assertThat(ok(onVersion2.get("api/rolling/profile"))).isEqualTo("name=Edsger email=null");

        assertThat(warningsAbout("Profile", version1)).isZero();
        assertThat(warningsAbout("Profile", version2)).isZero();
    }

    @Test
    void jsonbKeepsTheSharedFieldInBothDirectionsAndGivesAnAddedFieldItsConstructorValue() {
        Client onVersion1 = new Client(version1.url());
        Client onVersion2 = onVersion1.at(version2.url());
        ok(onVersion1.post("api/rolling/preferences?field=theme&value=dark"));
        ok(onVersion1.post("api/rolling/preferences?field=pageSize&value=50"));

        assertThat(ok(onVersion2.get("api/rolling/preferences"))).isEqualTo("theme=dark language=en");
        ok(onVersion2.post("api/rolling/preferences?field=language&value=fr"));
        assertThat(ok(onVersion2.post("api/rolling/preferences?field=theme&value=solarized")))
                .isEqualTo("theme=solarized language=fr");
        assertThat(ok(onVersion1.get("api/rolling/preferences"))).isEqualTo("theme=solarized pageSize=20");
        ok(onVersion1.post("api/rolling/preferences?field=pageSize&value=10"));
        assertThat(ok(onVersion1.post("api/rolling/preferences?field=theme&value=contrast")))
                .isEqualTo("theme=contrast pageSize=10");
        assertThat(ok(onVersion2.get("api/rolling/preferences"))).isEqualTo("theme=contrast language=en");

        assertThat(warningsAbout("Preferences", version1)).isZero();
        assertThat(warningsAbout("Preferences", version2)).isZero();
    }

    @Test
    void aFieldOnlyOneVersionHasOutlivesTheOtherVersionsReadsButNotItsWrites() {
        Client onVersion1 = new Client(version1.url());
        Client onVersion2 = onVersion1.at(version2.url());
        ok(onVersion1.post("api/rolling/profile?field=name&value=Ada"));
        ok(onVersion1.post("api/rolling/profile?field=city&value=Lyon"));
        ok(onVersion1.post("api/rolling/preferences?field=pageSize&value=50"));

        // a request that only reads a bean writes nothing back, so the stored bytes keep what version 2 cannot see
        ok(onVersion2.get("api/rolling/profile"));
        ok(onVersion2.get("api/rolling/preferences"));
        assertThat(ok(onVersion1.get("api/rolling/profile"))).isEqualTo("name=Ada city=Lyon");
        assertThat(ok(onVersion1.get("api/rolling/preferences"))).isEqualTo("theme=light pageSize=50");

        // a request that changes the bean writes it as version 2 knows it
        ok(onVersion2.post("api/rolling/profile?field=email&value=ada@example.org"));
        ok(onVersion2.post("api/rolling/preferences?field=language&value=fr"));
        assertThat(ok(onVersion1.get("api/rolling/profile"))).isEqualTo("name=Ada city=null");
        assertThat(ok(onVersion1.get("api/rolling/preferences"))).isEqualTo("theme=light pageSize=20");
    }

    @Test
    void anIncompatibleChangeOfAJavaSerializedBeanStartsItFreshOnEachVersionWithOneWarningThere() {
        Client onVersion1 = new Client(version1.url());
        Client onVersion2 = onVersion1.at(version2.url());
        ok(onVersion1.post("api/rolling/badge?field=level&value=gold"));
        ok(onVersion1.post("api/rolling/profile?field=name&value=Ada"));

        assertThat(ok(onVersion2.get("api/rolling/badge"))).isEqualTo("level=0");
        assertThat(ok(onVersion2.post("api/rolling/badge?field=level&value=3"))).isEqualTo("level=3");
        assertThat(ok(onVersion2.get("api/rolling/badge"))).isEqualTo("level=3");
        assertThat(ok(onVersion2.get("api/rolling/profile"))).isEqualTo("name=Ada email=null");
        assertThat(warningsAbout("Badge", version2)).isEqualTo(1);

        assertThat(ok(onVersion1.get("api/rolling/badge"))).isEqualTo("level=null");
        assertThat(ok(onVersion1.post("api/rolling/badge?field=level&value=silver"))).isEqualTo("level=silver");
        assertThat(ok(onVersion1.get("api/rolling/badge"))).isEqualTo("level=silver");
        assertThat(ok(onVersion1.get("api/rolling/profile"))).isEqualTo("name=Ada city=null");
        assertThat(warningsAbout("Badge", version1)).isEqualTo(1);
    }

    @Test
    void anIncompatibleChangeOfAJsonbBeanStartsItFreshOnEachVersionWithOneWarningThere() {
        Client onVersion1 = new Client(version1.url());
        Client onVersion2 = onVersion1.at(version2.url());
        ok(onVersion1.post("api/rolling/score?field=marks&value=gold"));
        ok(onVersion1.post("api/rolling/preferences?field=theme&value=dark"));

        assertThat(ok(onVersion2.get("api/rolling/score"))).isEqualTo("marks=0");
        assertThat(ok(onVersion2.post("api/rolling/score?field=marks&value=3"))).isEqualTo("marks=3");
        assertThat(ok(onVersion2.get("api/rolling/score"))).isEqualTo("marks=3");
        assertThat(ok(onVersion2.get("api/rolling/preferences"))).isEqualTo("theme=dark language=en");
        assertThat(warningsAbout("Score", version2)).isEqualTo(1);
        assertThat(version2.serverLog()).contains("the stored field 'marks' of dev.tether.it.app.rolling.Score is an "
                + "array, which does not read as int");

        assertThat(ok(onVersion1.get("api/rolling/score"))).isEqualTo("marks=[]");
        assertThat(ok(onVersion1.post("api/rolling/score?field=marks&value=silver"))).isEqualTo("marks=[silver]");
        assertThat(ok(onVersion1.get("api/rolling/score"))).isEqualTo("marks=[silver]");
        assertThat(ok(onVersion1.get("api/rolling/preferences"))).isEqualTo("theme=dark pageSize=20");
        assertThat(warningsAbout("Score", version1)).isEqualTo(1);
    }

    /** The body of a response that must be a 200: a rolling deploy never answers with an error. */
    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of %s, answered %s", response.request().uri(), response.body())
                .isEqualTo(200);
        return response.body();
    }

    /** How many times the node logged that it could not read a stored rolling-deploy bean of the named class. */
    private static long warningsAbout(String bean, WildFlyNode node) {
        Pattern warning = Pattern.compile(Pattern.quote(UNREADABLE + "dev.tether.it.app.rolling." + bean + " "));
        return warning.matcher(node.serverLog()).results().count();
    }

    /**
     * Compiles version 2's beans from their sources in the test resources into {@code into}. The two versions have
     * classes of the same names, which one source tree cannot hold; compiling the second here, against the test
     * class path (the library, and the interface both versions implement), keeps both versions readable as Java side
     * by side and needs no second Maven module.
     */
    private static void compileVersion2(Path into) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the tests run on a JRE without javac; version 2 cannot be compiled");
        }
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", into.toString(),
                "-classpath", System.getProperty("java.class.path")));
        try (Stream<Path> files = Files.walk(resource("/rolling-deploy/v2"))) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, errors, errors, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("version 2 does not compile:\n"
                    + errors.toString(StandardCharsets.UTF_8));
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(RollingDeployIT.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
