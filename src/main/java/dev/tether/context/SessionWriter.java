package dev.tether.context;

import dev.tether.SessionEnded;
import dev.tether.spi.LockedSession;
import dev.tether.spi.SessionRow;

/**
 * Applies what a unit decided, outside the unit's lock and outside the application's transaction: a
 * {@link WritePlan}, through the session's lock when the unit holds one, or the end of a session; each measured,
 * each followed by its event once it is stored.
 */
final class SessionWriter {

    private final SessionRuntime runtime;

    SessionWriter(SessionRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * @param held the session's lock this unit holds, or {@code null}
     * @return what the client is to be told, once the plan is stored
     */
    WriteBack store(WritePlan plan, LockedSession held) {
        if (plan.changes() == null) {
            return plan.result();
        }
        SessionMetrics.Write measured = runtime.metrics().startWrite(plan.changes());
        try {
            runtime.writes().run(() -> {
                if (held != null) {
                    held.save(plan.changes());
                } else {
                    runtime.store().save(plan.changes());
                }
            });
        } catch (RuntimeException failure) {
            measured.failed(failure);
            throw failure;
        }
        measured.stored();
        if (plan.changes().created() != null) {
            runtime.events().created(plan.changes().created());
        }
        if (plan.idChange() != null) {
            runtime.events().idChanged(plan.idChange().row(), plan.idChange().cause());
        }
        return plan.result();
    }

    /** Deletes an ended session (its beans go with it) and fires {@code @Destroyed} and {@link SessionEnded}. */
    void end(SessionRow ended, SessionEnded.Reason reason) {
        runtime.writes().run(() -> runtime.store().delete(ended.pk()));
        runtime.metrics().sessionInvalidated();
        runtime.events().destroyed(ended, reason);
    }
}
