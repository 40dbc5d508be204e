package dev.tether.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.context.SessionUnits;
import dev.tether.fixtures.Counter;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/**
 * Tether's authentication mechanism and the request's unit of work: the mechanism authenticates only the session
 * it found, and a session that ends between the two (expired, invalidated, logged out everywhere) takes its login
 * with it; the container's view of the caller is never carried into a fresh session.
 */
@EnableWeld
class SessionMechanismTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(PersistentSessionAuthentication.class);

    @Inject
    Units units;
    @Inject
    SessionUnits sessionUnits;
    @Inject
    PersistentSession session;
    @Inject
    PersistentSessions sessions;
    @Inject
    PersistentSessionAuthentication mechanism;
    @Inject
    Counter counter;
    @Inject
    TestStorage storage;

    private final List<String> logins = new ArrayList<>();

    private String loggedIn(String user) {
        return units.run(null, () -> {
            session.setPrincipal(user);
            return session.id();
        }).value();
    }

    private HttpServletRequest request(String id, String caller) {
        Principal principal = caller == null ? null : () -> caller;
        return RequestStub.withCookie("SESSION_ID=" + id, principal);
    }

    private AuthenticationStatus authenticate(HttpServletRequest request) {
        return mechanism.validateRequest(request, null, messageContext());
    }

    /** The container's side of the mechanism: records logins, answers as an unprotected resource does. */
    private HttpMessageContext messageContext() {
        return (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpMessageContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isProtected" -> false;
                    case "notifyContainerAboutLogin" -> {
                        logins.add((String) args[0]);
                        yield AuthenticationStatus.SUCCESS;
                    }
                    case "doNothing" -> AuthenticationStatus.NOT_DONE;
                    case "cleanClientSubject" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The request's unit of work, as the Servlet filter runs it, changing a bean; the ID it sends, if any. */
    private Optional<String> runRequest(HttpServletRequest request) {
        RequestUnit unit = RequestUnit.open(sessionUnits, new SessionIdTransport(sessionUnits.settings().cookie(),
                Optional.empty()), request);
        counter.increment();
        List<String> sent = new ArrayList<>();
        unit.writeBack(200, false, (name, value) -> {
            if (name.equals("Set-Cookie")) {
                sent.add(value);
            }
        });
        unit.unbindFromThread();
        return sent.stream().map(cookie -> cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';')))
                .filter(value -> !value.isEmpty()).findFirst();
    }

    @Test
    void aLiveSessionAuthenticatesItsPrincipalAndRecordsWhichSessionItWas() {
        String id = loggedIn("alice");
        HttpServletRequest request = request(id, null);

        assertThat(authenticate(request)).isEqualTo(AuthenticationStatus.SUCCESS);

        assertThat(logins).containsExactly("alice");
        assertThat(request.getAttribute(PersistentSessionAuthentication.AUTHENTICATED_SESSION))
                .isEqualTo(sessions.find(id).orElseThrow().handle());
    }

    @Test
    void anExpiredSessionAuthenticatesNobody() {
        String id = loggedIn("alice");
        storage.clockControl().advance(Duration.ofDays(8));

        assertThat(authenticate(request(id, null))).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(logins).isEmpty();
    }

    @Test
    void aSessionInvalidatedAfterTheMechanismReadItIsNotRevivedWithItsCaller() {
        String id = loggedIn("alice");
        HttpServletRequest request = request(id, "alice");
        authenticate(request);
        units.run(id, () -> session.invalidate());

        Optional<String> fresh = runRequest(request);

        assertThat(fresh).isPresent();
        assertThat(sessions.find(fresh.get()).orElseThrow().principal()).isEmpty();
        assertThat(sessions.findByPrincipal("alice")).isEmpty();
    }

    @Test
    void aSessionThatExpiredAfterTheMechanismReadItIsNotRevivedWithItsCaller() {
        String id = loggedIn("alice");
        HttpServletRequest request = request(id, "alice");
        authenticate(request);
        storage.clockControl().advance(Duration.ofDays(8));

        Optional<String> fresh = runRequest(request);

        assertThat(fresh).isPresent();
        assertThat(sessions.find(fresh.get()).orElseThrow().principal()).isEmpty();
        assertThat(sessions.findByPrincipal("alice")).isEmpty();
    }

    @Test
    void aLogoutEverywhereAfterTheMechanismReadTheSessionIsNotUndone() {
        String id = loggedIn("alice");
        HttpServletRequest request = request(id, "alice");
        authenticate(request);
        sessions.invalidateAll("alice");

        runRequest(request);

        assertThat(sessions.findByPrincipal("alice")).isEmpty();
    }

    @Test
    void cleanSubjectLogsTheSessionOut() {
        String id = loggedIn("alice");
        HttpServletRequest request = request(id, "alice");
        authenticate(request);
        RequestUnit unit = RequestUnit.open(sessionUnits, new SessionIdTransport(sessionUnits.settings().cookie(),
                Optional.empty()), request);

        mechanism.cleanSubject(request, null, messageContext());
        unit.writeBack(200, false, (name, value) -> { });
        unit.unbindFromThread();

        assertThat(sessions.find(id)).isEmpty();
        assertThat(sessions.findByPrincipal("alice")).isEmpty();
    }
}
