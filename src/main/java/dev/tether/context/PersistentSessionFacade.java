package dev.tether.context;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

import dev.tether.PersistentSession;

/** The injectable {@link PersistentSession}: each call goes to the unit of work active on the calling thread. */
@ApplicationScoped
class PersistentSessionFacade implements PersistentSession {

    private SessionUnits units;

    protected PersistentSessionFacade() {
    }

    @Inject
    PersistentSessionFacade(SessionUnits units) {
        this.units = units;
    }

    @Override
    public String id() {
        return unit().id();
    }

    @Override
    public boolean isNew() {
        return unit().isNew();
    }

    @Override
    public Instant createdAt() {
        return unit().createdAt();
    }

    @Override
    public Instant lastAccessedAt() {
        return unit().lastAccessedAt();
    }

    @Override
    public void invalidate() {
        unit().invalidate();
    }

    @Override
    public String rotateId() {
        return unit().rotateId();
    }

    @Override
    public Instant expiresAt() {
        return unit().expiresAt();
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
        unit().setIdleTimeout(timeout);
    }

    @Override
    public void setAbsoluteTimeout(Duration timeout) {
        unit().setAbsoluteTimeout(timeout);
    }

    @Override
    public Optional<String> principal() {
        return unit().principal();
    }

    @Override
    public void setPrincipal(String principal) {
        unit().setPrincipal(principal);
    }

    private UnitOfWork unit() {
        return units.current().orElseThrow(() -> new ContextNotActiveException(
                "PersistentSession is usable only inside a unit of work: an HTTP request, "
                        + "PersistentSessions.runInSession(), or an @ActivatePersistentSession method"));
    }
}
