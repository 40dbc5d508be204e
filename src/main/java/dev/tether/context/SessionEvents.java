package dev.tether.context;

import java.time.Instant;

import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.inject.spi.BeanManager;

import dev.tether.PersistentSessionScoped;
import dev.tether.SessionInfo;
import dev.tether.store.SessionRow;

/** Fires {@code @Initialized} and {@code @Destroyed(PersistentSessionScoped.class)} with a {@link SessionInfo}. */
final class SessionEvents {

    private final BeanManager manager;

    SessionEvents(BeanManager manager) {
        this.manager = manager;
    }

    void created(SessionRow row) {
        manager.getEvent().select(SessionInfo.class, Initialized.Literal.of(PersistentSessionScoped.class))
                .fire(infoOf(row));
    }

    void destroyed(SessionRow row) {
        manager.getEvent().select(SessionInfo.class, Destroyed.Literal.of(PersistentSessionScoped.class))
                .fire(infoOf(row));
    }

    static SessionInfo infoOf(SessionRow row) {
        return new SessionInfo(row.pk(), Instant.ofEpochMilli(row.createdAt()),
                Instant.ofEpochMilli(row.lastAccessedAt()), Instant.ofEpochMilli(row.expiresAt()), row.principal());
    }
}
