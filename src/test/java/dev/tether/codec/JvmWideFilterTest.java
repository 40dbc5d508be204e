package dev.tether.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The operator's JVM-wide deserialization filter ({@code jdk.serialFilter}) still applies to Tether's streams. The
 * filter can be set only once per JVM, so {@link JvmWideFilterProbe} runs in a JVM of its own started with one; the
 * JVM of the tests keeps its own (none), for every test after this one.
 */
class JvmWideFilterTest {

    private static final String REFUSED = JvmWideFilterProbe.RefusedByTheOperator.class.getName();

    @Test
    void aClassTheJvmWideFilterRefusesIsRefusedInSessionStateTooAndTheRestIsRead() throws Exception {
        List<String> printed = probe("-Djdk.serialFilter=!" + REFUSED);

        assertThat(printed).contains("filter: !" + REFUSED);
        assertThat(printed).anySatisfy(line -> assertThat(line).startsWith("refused class: unreadable")
                .contains("REJECTED"));
        assertThat(printed).contains("plain string: read a plain string");
    }

    @Test
    void withoutAJvmWideFilterTetherOwnAllowListDecides() throws Exception {
        List<String> printed = probe("-Dno.filter=true");

        assertThat(printed).contains("filter: null");
        assertThat(printed).anySatisfy(line -> assertThat(line).startsWith("refused class: read "));
    }

    private static List<String> probe(String setting) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), setting, "-cp", System.getProperty("java.class.path"),
                JvmWideFilterProbe.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe's JVM ends").isTrue();
        assertThat(process.exitValue()).as("the probe's JVM printed%n%s", output).isZero();
        return output.lines().toList();
    }
}
