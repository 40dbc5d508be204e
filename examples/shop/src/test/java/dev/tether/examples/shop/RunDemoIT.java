package dev.tether.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo command, exactly as written, on a machine without {@code JAVA21_HOME}: {@code
 * examples/run-demo.sh} builds Tether, starts WildFly and prints its ready line; the README's curl walkthrough
 * answers as printed; Ctrl+C stops it and the same command starts it again on the same data; a last Ctrl+C stops it
 * cleanly. Anything that fails quotes the end of the script's output.
 *
 * <p>It takes the demo's own port (8080) and builds the library again, so it runs on its own, after the test
 * command: {@code .ci/run} runs it with {@code -Dshop.run-demo=true -Dit.test=RunDemoIT}.
 */
@EnabledIfSystemProperty(named = "shop.run-demo", matches = "true")
class RunDemoIT {

    @Test
    void theReadmesDemoCommandRunsTheWalkthroughAndStopsOnCtrlC(@TempDir Path workDir) throws Exception {
        Path repository = Path.of(System.getProperty("shop.repository"));
        try (DemoCommand demo = new DemoCommand(repository, Path.of(System.getProperty("shop.demo.logs")))) {
            try {
                WalkthroughReplay.replay(Path.of(System.getProperty("shop.walkthrough")), new WalkthroughReplay.Demo() {
                    @Override
                    public void run(Walkthrough.Step step, boolean restart) {
                        if (restart) {
                            demo.stop();
                        }
                        List<String> printed = demo.start(WalkthroughReplay.readyLine(step));
                        assertThat(step.firstMissingLine(printed)).as("%s prints what the README shows",
                                DemoCommand.SCRIPT).isEmpty();
                    }

                    @Override
                    public URI url() {
                        return DemoCommand.URL;
                    }
                }, workDir);
                demo.stop();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- the end of " + DemoCommand.SCRIPT + "'s output:\n"
                        + demo.tail(), e);
            }
        }
    }
}
