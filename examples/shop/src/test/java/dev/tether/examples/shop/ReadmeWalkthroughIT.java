package dev.tether.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's walkthrough, command by command, and checks that each prints what the README shows, so the
 * README cannot drift from the code. The curl commands run as written, with one change: the demo's address
 * becomes the test server's (same server, another port). The demo's start command is played by the test
 * server: its first appearance is the server already running, each later one a restart.
 */
@ExtendWith(ShopServerExtension.class)
class ReadmeWalkthroughIT {

    private static final String DEMO_URL = "http://127.0.0.1:8080/shop/";
    private static final String RUN_DEMO = "examples/run-demo.sh";

    @Test
    void everyCommandPrintsWhatTheReadmeShows(ShopServer server, @TempDir Path workDir) throws Exception {
        List<Walkthrough.Step> steps = Walkthrough.parse(Files.readString(readme()));
        assertThat(steps).extracting(Walkthrough.Step::command).contains(RUN_DEMO).anyMatch(c -> c.startsWith("curl "));

        boolean demoRunning = false;
        for (Walkthrough.Step step : steps) {
            if (step.command().equals(RUN_DEMO)) {
                assertRunDemoPrints(step);
                if (demoRunning) {
                    server.restart();
                }
                demoRunning = true;
                continue;
            }
            assertThat(step.command()).as("a walkthrough command this test knows how to run").startsWith("curl ");
            assertThat(demoRunning).as("the walkthrough starts the demo before '%s'", step.command()).isTrue();

            List<String> output = run(step.command().replace(DEMO_URL, server.url().toString()), workDir);

            assertThat(step.firstMissingLine(output))
                    .as("README: '$ %s' should print%n  %s%nbut printed%n  %s", step.command(),
                            String.join("\n  ", step.expected()), String.join("\n  ", output))
                    .isEmpty();
        }
    }

    /** The script cannot run here (it builds the library and blocks); it must at least announce what the README says. */
    private static void assertRunDemoPrints(Walkthrough.Step step) throws IOException {
        Path script = repository().resolve(RUN_DEMO);
        assertThat(script).isExecutable();
        String source = Files.readString(script);
        step.expected().stream().filter(line -> !line.strip().equals("..."))
                .forEach(line -> assertThat(source).as("%s prints '%s'", RUN_DEMO, line).contains(line.strip()));
    }

    /** Runs the command as a reader's shell would; its standard error (curl -v) is part of the output. */
    private static List<String> run(String command, Path workDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("'%s' finishes", command).isTrue();
        assertThat(process.exitValue()).as("exit status of '%s' (is curl installed?), which printed%n%s",
                command, output).isZero();
        return output.lines().toList();
    }

    private static Path readme() {
        return Path.of(System.getProperty("shop.walkthrough"));
    }

    private static Path repository() {
        return Path.of(System.getProperty("shop.repository"));
    }
}
