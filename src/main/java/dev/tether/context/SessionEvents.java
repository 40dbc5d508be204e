package dev.tether.context;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.BeanManager;

import dev.tether.PersistentSessionScoped;
import dev.tether.SessionEnded;
import dev.tether.SessionIdChanged;
import dev.tether.SessionInfo;
import dev.tether.spi.SessionRow;

/**
 * Fires {@code @Initialized} and {@code @Destroyed(PersistentSessionScoped.class)} with a {@link SessionInfo}, and
 * beside the latter {@link SessionEnded} with its reason; {@link SessionIdChanged} when a stored session's ID
 * changes. Each kind's event is selected once, and not fired at all when the deployment has no observer for it:
 * selecting an event resolves its qualifiers and observers anew every time, a measurable share of a new session's
 * request.
 */
final class SessionEvents {

    private static final SessionInfo SAMPLE = new SessionInfo("", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH,
            Optional.empty());

    private final Announcer<SessionInfo> created;
    private final Announcer<SessionInfo> destroyed;
    private final Announcer<SessionEnded> ended;
    private final Announcer<SessionIdChanged> idChanged;

    SessionEvents(BeanManager manager) {
        this.created = new Announcer<>(manager, SessionInfo.class, SAMPLE,
                Initialized.Literal.of(PersistentSessionScoped.class));
        this.destroyed = new Announcer<>(manager, SessionInfo.class, SAMPLE,
                Destroyed.Literal.of(PersistentSessionScoped.class));
        this.ended = new Announcer<>(manager, SessionEnded.class,
                new SessionEnded(SAMPLE, SessionEnded.Reason.INVALIDATED), Default.Literal.INSTANCE);
        this.idChanged = new Announcer<>(manager, SessionIdChanged.class,
                new SessionIdChanged(SAMPLE, SessionIdChanged.Cause.ROTATED), Default.Literal.INSTANCE);
    }

    void created(SessionRow row) {
        created.fire(() -> infoOf(row));
    }

    void destroyed(SessionRow row, SessionEnded.Reason reason) {
        destroyed.fire(() -> infoOf(row));
        ended.fire(() -> new SessionEnded(infoOf(row), reason));
    }

    void idChanged(SessionRow row, SessionIdChanged.Cause cause) {
        idChanged.fire(() -> new SessionIdChanged(infoOf(row), cause));
    }

    static SessionInfo infoOf(SessionRow row) {
        return new SessionInfo(row.pk(), Instant.ofEpochMilli(row.createdAt()),
                Instant.ofEpochMilli(row.lastAccessedAt()), Instant.ofEpochMilli(row.expiresAt()), row.principal());
    }

    /**
     * One kind of event. Observers are resolved on first use, not at construction: the runtime may be built before
     * the container has validated the deployment, and observers never change after that. The payload is made only
     * when someone observes it.
     */
    private static final class Announcer<T> {

        private final BeanManager manager;
        private final Class<T> type;
        private final T sample;
        private final Annotation qualifier;
        private volatile Optional<Event<T>> event;

        Announcer(BeanManager manager, Class<T> type, T sample, Annotation qualifier) {
            this.manager = manager;
            this.type = type;
            this.sample = sample;
            this.qualifier = qualifier;
        }

        void fire(Supplier<T> payload) {
            Optional<Event<T>> selected = event;
            if (selected == null) {
                selected = select();
                event = selected;
            }
            selected.ifPresent(observed -> observed.fire(payload.get()));
        }

        private Optional<Event<T>> select() {
            if (manager.resolveObserverMethods(sample, qualifier).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(manager.getEvent().select(type, qualifier));
        }
    }
}
