package dev.tether.context;

import java.util.List;
import java.util.Optional;

import dev.tether.SessionEnded;
import dev.tether.spi.LockedSession;
import dev.tether.spi.PrincipalLimit;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionRow;

/**
 * Applies what a unit decided, outside the unit's lock and outside the application's transaction: a
 * {@link WritePlan}, through the session's lock when the unit holds one, or the end of a session; each measured,
 * each followed by its event once it is stored.
 */
final class SessionWriter {

    private final SessionRuntime runtime;
    private final SessionLimits limits;

    SessionWriter(SessionRuntime runtime) {
        this.runtime = runtime;
        this.limits = new SessionLimits(runtime);
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
        Optional<PrincipalLimit> limit = limits.of(plan.changes());
        List<SessionRow> endedForRoom;
        try {
            endedForRoom = runtime.writes().call(() -> limit.isPresent()
                    ? save(plan.changes(), limit.get(), held)
                    : save(plan.changes(), held));
        } catch (RuntimeException failure) {
            measured.failed(failure);
            throw failure;
        }
        measured.stored();
        for (SessionRow ended : endedForRoom) {
            runtime.metrics().sessionInvalidated();
            runtime.events().destroyed(ended, SessionEnded.Reason.PRINCIPAL_LIMIT);
        }
        if (plan.changes().created() != null) {
            runtime.events().created(plan.changes().created());
        }
        if (plan.idChange() != null) {
            runtime.events().idChanged(plan.idChange().row(), plan.idChange().cause());
        }
        return plan.result();
    }

    private List<SessionRow> save(SessionChanges changes, LockedSession held) {
        if (held != null) {
            held.save(changes);
        } else {
            runtime.store().save(changes);
        }
        return List.of();
    }

    /** A login under a limit: the store ends the principal's oldest sessions, or refuses, in the same transaction. */
    private List<SessionRow> save(SessionChanges changes, PrincipalLimit limit, LockedSession held) {
        return held != null ? held.save(changes, limit) : runtime.store().save(changes, limit);
    }

    /** Deletes an ended session (its beans go with it) and fires {@code @Destroyed} and {@link SessionEnded}. */
    void end(SessionRow ended, SessionEnded.Reason reason) {
        runtime.writes().run(() -> runtime.store().delete(ended.pk()));
        runtime.metrics().sessionInvalidated();
        runtime.events().destroyed(ended, reason);
    }
}
