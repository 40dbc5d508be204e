package dev.tether.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what one logger writes at WARNING and above while a test runs. */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    public static CapturedLog of(String loggerName) {
        return new CapturedLog(Logger.getLogger(loggerName));
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            String message = record.getMessage();
            warnings.add(record.getParameters() == null ? message : String.format(message, record.getParameters()));
        }
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
