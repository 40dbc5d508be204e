package dev.tether.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Three requests whose effect on Tether's figures is known exactly, and the check of those figures in a server's
 * metrics page (Prometheus's text format): the same series on every server.
 */
public final class KnownSequence {

    private KnownSequence() {
    }

    /** A session created, read, then written once more, by a client of its own. */
    public static void run(Client browser) {
        browser.post("api/notes?item=first");    // a session created, one bean written
        browser.get("api/notes");                // loaded, decoded, nothing written
        browser.post("api/notes?item=second");   // loaded, decoded, one bean written
    }

    /** The figures of one {@link #run} on a server that served nothing else with Tether. */
    public static void assertFiguresOfOneRun(String metrics) {
        assertThat(value(metrics, "tether_sessions_new_total")).isEqualTo(1);
        assertThat(value(metrics, "tether_sessions_loaded_total")).isEqualTo(2);
        assertThat(value(metrics, "tether_sessions_written_total")).isEqualTo(1);
        assertThat(value(metrics, "tether_beans_decoded_total")).isEqualTo(2);
        assertThat(value(metrics, "tether_beans_written_total")).isEqualTo(2);
        assertThat(value(metrics, "tether_beans_written_bytes_total")).isPositive();
        assertThat(value(metrics, "tether_session_loads_seconds_count")).isEqualTo(2);
        assertThat(value(metrics, "tether_session_loads_seconds_sum")).isPositive();
        assertThat(value(metrics, "tether_session_writes_seconds_count")).isEqualTo(2);
        assertThat(value(metrics, "tether_conflicts_total")).isZero();
        assertThat(value(metrics, "tether_store_unavailable_total")).isZero();
    }

    /** The value of a series without labels beyond the server's own, as Prometheus's text format writes it. */
    public static double value(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("%s in%n%s", series, metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
