package dev.tether.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.context.SessionUnits;
import dev.tether.fixtures.Counter;
import dev.tether.support.CapturedLog;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/**
 * A unit written back after its response committed (the application went around Tether's response, e.g. through
 * the container's own {@code AsyncContext}): no header can reach the client any more, so a write that would hand
 * out a new ID is abandoned with one warning; a write that keeps the client's ID is still stored.
 */
@EnableWeld
class CommittedResponseTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    SessionUnits sessionUnits;
    @Inject
    PersistentSession session;
    @Inject
    PersistentSessions sessions;
    @Inject
    Counter counter;

    private final CapturedLog log = CapturedLog.of("dev.tether.context.UnitOfWork");
    private final List<String> headersSent = new ArrayList<>();

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    /** A request on {@code id} (or none), whose work runs in its unit and is written back once its response committed. */
    private void requestWrittenBackAfterCommit(String id, Runnable work) {
        HttpServletRequest request = RequestStub.withCookie(id == null ? "" : "SESSION_ID=" + id, null);
        RequestUnit unit = RequestUnit.open(sessionUnits, new SessionIdTransport(sessionUnits.settings().cookie(),
                java.util.Optional.empty()), request);
        try {
            work.run();
            new WriteBackResponse(committedResponse(), unit).writeBackNow();
        } finally {
            unit.unbindFromThread();
        }
    }

    private HttpServletResponse committedResponse() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isCommitted" -> true;
                    case "getStatus" -> 200;
                    case "addHeader", "setHeader" -> headersSent.add(args[0] + ": " + args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aNewSessionIsNotStoredWhenItsIdCanNoLongerReachTheClient() {
        requestWrittenBackAfterCommit(null, counter::increment);

        assertThat(sessions.count()).isZero();
        assertThat(headersSent).isEmpty();
        assertThat(log.warnings()).singleElement().asString().contains("new session ID")
                .doesNotContain("\n");
    }

    @Test
    void aLoginThatWouldRotateTheIdIsNotStoredAndTheOldIdStillWorks() {
        String id = units.run(null, () -> counter.increment()).sentId();

        requestWrittenBackAfterCommit(id, () -> {
            counter.increment();
            session.setPrincipal("alice");
        });

        assertThat(sessions.find(id)).get().satisfies(info -> assertThat(info.principal()).isEmpty());
        assertThat(sessions.findByPrincipal("alice")).isEmpty();
        assertThat(units.run(id, () -> counter.increment()).value()).isEqualTo(2);
        assertThat(log.warnings()).hasSize(1);
    }

    @Test
    void aChangeThatKeepsTheClientsIdIsStillStored() {
        String id = units.run(null, () -> counter.increment()).sentId();

        requestWrittenBackAfterCommit(id, counter::increment);

        assertThat(units.run(id, () -> counter.increment()).value()).isEqualTo(3);
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void anInvalidationIsStillStoredSoALogoutIsNeverUndone() {
        String id = units.run(null, () -> counter.increment()).sentId();

        requestWrittenBackAfterCommit(id, session::invalidate);

        assertThat(sessions.find(id)).isEmpty();
        assertThat(log.warnings()).isEmpty();
    }
}
