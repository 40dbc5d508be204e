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
        return unit().readState(state -> !state.isStored());
    }

    @Override
    public Instant createdAt() {
        return unit().readState(SessionState::createdAt);
    }

    @Override
    public Instant lastAccessedAt() {
        return unit().readState(SessionState::lastAccessedAt);
    }

    @Override
    public void invalidate() {
        unit().invalidate();
    }

    @Override
    public String rotateId() {
        return unit().changeState("rotateId", SessionState::rotateId);
    }

    @Override
    public Instant expiresAt() {
        return unit().readState(state -> state.expiresAt(units.runtime().now()));
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
        unit().changeState("setIdleTimeout", state -> {
            state.setIdleTimeout(timeout);
            return null;
        });
    }

    @Override
    public void setAbsoluteTimeout(Duration timeout) {
        unit().changeState("setAbsoluteTimeout", state -> {
            state.setAbsoluteTimeout(timeout);
            return null;
        });
    }

    @Override
    public Optional<String> principal() {
        return unit().readState(SessionState::principal);
    }

    @Override
    public void setPrincipal(String principal) {
        UnitOfWork unit = unit();
        if (!unit.readState(SessionState::principal).equals(Optional.ofNullable(principal))) {
            new SessionLimits(units.runtime()).refuseEarly(principal, unit.storedPk());
        }
        unit.changeState("setPrincipal", state -> {
            state.setPrincipal(principal);
            return null;
        });
    }

    private UnitOfWork unit() {
        return units.current().orElseThrow(() -> new ContextNotActiveException(
                "PersistentSession is usable only inside a unit of work: an HTTP request, "
                        + "PersistentSessions.runInSession(), or an @ActivatePersistentSession method"));
    }
}
