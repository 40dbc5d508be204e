package dev.tether.context;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;

import dev.tether.PersistentSessionScoped;
import dev.tether.SessionInfo;
import dev.tether.spi.SessionRow;

/**
 * Fires {@code @Initialized} and {@code @Destroyed(PersistentSessionScoped.class)} with a {@link SessionInfo}.
 * Each kind's event is selected once, and not fired at all when the deployment has no observer for it: selecting
 * an event resolves its qualifiers and observers anew every time, a measurable share of a new session's request.
 */
final class SessionEvents {

    private final Announcer created;
    private final Announcer destroyed;

    SessionEvents(BeanManager manager) {
        this.created = new Announcer(manager, Initialized.Literal.of(PersistentSessionScoped.class));
        this.destroyed = new Announcer(manager, Destroyed.Literal.of(PersistentSessionScoped.class));
    }

    void created(SessionRow row) {
        created.fire(row);
    }

    void destroyed(SessionRow row) {
        destroyed.fire(row);
    }

    static SessionInfo infoOf(SessionRow row) {
        return new SessionInfo(row.pk(), Instant.ofEpochMilli(row.createdAt()),
                Instant.ofEpochMilli(row.lastAccessedAt()), Instant.ofEpochMilli(row.expiresAt()), row.principal());
    }

    /**
     * One kind of event. Observers are resolved on first use, not at construction: the runtime may be built before
     * the container has validated the deployment, and observers never change after that.
     */
    private static final class Announcer {

        private final BeanManager manager;
        private final Annotation qualifier;
        private volatile Optional<Event<SessionInfo>> event;

        Announcer(BeanManager manager, Annotation qualifier) {
            this.manager = manager;
            this.qualifier = qualifier;
        }

        void fire(SessionRow row) {
            Optional<Event<SessionInfo>> selected = event;
            if (selected == null) {
                selected = select();
                event = selected;
            }
            selected.ifPresent(observed -> observed.fire(infoOf(row)));
        }

        private Optional<Event<SessionInfo>> select() {
            SessionInfo sample = new SessionInfo("", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Optional.empty());
            if (manager.resolveObserverMethods(sample, qualifier).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(manager.getEvent().select(SessionInfo.class, qualifier));
        }
    }
}
