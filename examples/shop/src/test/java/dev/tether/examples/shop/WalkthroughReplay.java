package dev.tether.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plays the README's walkthrough, command by command, and checks that each prints what the README shows. The
 * curl commands run as written, against the shop's address; what the demo command does is the caller's choice
 * (the test server standing in for it, or the real script).
 */
final class WalkthroughReplay {

    static final String RUN_DEMO = DemoCommand.SCRIPT;
    private static final String DEMO_URL = DemoCommand.URL.toString();

    /** What the walkthrough's {@code $ examples/run-demo.sh} does, and where the shop it runs answers. */
    interface Demo {

        /** The first call starts the demo, each later one restarts it (Ctrl+C, then the command again). */
        void run(Walkthrough.Step step, boolean restart);

        URI url();
    }

    private WalkthroughReplay() {
    }

    static void replay(Path readme, Demo demo, Path workDir) throws IOException, InterruptedException {
        List<Walkthrough.Step> steps = Walkthrough.parse(Files.readString(readme));
        assertThat(steps).extracting(Walkthrough.Step::command).contains(RUN_DEMO).anyMatch(c -> c.startsWith("curl "));

        boolean demoRunning = false;
        for (Walkthrough.Step step : steps) {
            if (step.command().equals(RUN_DEMO)) {
                demo.run(step, demoRunning);
                demoRunning = true;
                continue;
            }
            assertThat(step.command()).as("a walkthrough command this test knows how to run").startsWith("curl ");
            assertThat(demoRunning).as("the walkthrough starts the demo before '%s'", step.command()).isTrue();

            List<String> output = run(step.command().replace(DEMO_URL, demo.url().toString()), workDir);

            assertThat(step.firstMissingLine(output))
                    .as("README: '$ %s' should print%n  %s%nbut printed%n  %s", step.command(),
                            String.join("\n  ", step.expected()), String.join("\n  ", output))
                    .isEmpty();
        }
    }

    /** The line the demo command's step ends with: the one that says the shop is ready. */
    static String readyLine(Walkthrough.Step step) {
        return step.expected().stream().map(String::strip).filter(line -> !line.equals("...")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the README shows no ready line for " + RUN_DEMO));
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
}
