package dev.tether.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a piece of work leaves in the log, whoever logs it: every record of java.util.logging (where JBoss Logging,
 * and so Hibernate, writes in the tests) at every level, and what is printed on the standard streams meanwhile
 * (where EclipseLink's own logger writes outside a server: it keeps the stream of the moment its unit starts, so
 * start capturing before the store starts).
 */
public final class EverythingLogged extends Handler implements AutoCloseable {

    /** One line of the log. */
    public record Line(Level level, String logger, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private EverythingLogged() {
        setLevel(Level.ALL);
        root.addHandler(this);
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
    }

    public static EverythingLogged during() {
        return new EverythingLogged();
    }

    @Override
    public void publish(LogRecord record) {
        Throwable thrown = record.getThrown();
        lines.add(new Line(record.getLevel(), record.getLoggerName(),
                String.valueOf(record.getMessage()) + (thrown == null ? "" : " " + thrown)));
    }

    /** Forgets what was logged so far. */
    public void clear() {
        lines.clear();
        printed.reset();
    }

    /** Records of java.util.logging at {@code level} or above. */
    public List<Line> atOrAbove(Level level) {
        return lines.stream().filter(line -> line.level().intValue() >= level.intValue()).toList();
    }

    public List<Line> all() {
        return List.copyOf(lines);
    }

    /** What was printed on standard output and error. */
    public String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        root.removeHandler(this);
        root.setLevel(rootLevel);
        out.print(printed());
    }
}
