package dev.tether.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's walkthrough against the test server, so the README cannot drift from the code. The curl
 * commands run as written, with one change: the demo's address becomes the test server's (same server, another
 * port). The demo's start command is played by the test server: its first appearance is the server already
 * running, each later one a restart. {@link RunDemoIT} runs the same walkthrough on the real command.
 */
@ExtendWith(ShopServerExtension.class)
class ReadmeWalkthroughIT {

    @Test
    void everyCommandPrintsWhatTheReadmeShows(ShopServer server, @TempDir Path workDir) throws Exception {
        WalkthroughReplay.replay(Path.of(System.getProperty("shop.walkthrough")), new WalkthroughReplay.Demo() {
            @Override
            public void run(Walkthrough.Step step, boolean restart) {
                assertRunDemoPrints(step);
                if (restart) {
                    server.restart();
                }
            }

            @Override
            public URI url() {
                return server.url();
            }
        }, workDir);
    }

    /** The script does not run here (RunDemoIT runs it); it must at least announce what the README says. */
    private static void assertRunDemoPrints(Walkthrough.Step step) {
        Path script = Path.of(System.getProperty("shop.repository")).resolve(WalkthroughReplay.RUN_DEMO);
        assertThat(script).isExecutable();
        String source;
        try {
            source = Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        step.expected().stream().filter(line -> !line.strip().equals("..."))
                .forEach(line -> assertThat(source).as("%s prints '%s'", WalkthroughReplay.RUN_DEMO, line)
                        .contains(line.strip()));
    }
}
