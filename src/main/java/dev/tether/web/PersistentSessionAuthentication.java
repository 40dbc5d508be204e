package dev.tether.web;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.SessionInfo;
import dev.tether.SessionStoreUnavailableException;
import dev.tether.context.SessionUnits;

/**
 * A Jakarta Security authentication mechanism that authenticates each request as the principal stored in its
 * persistent session: a login recorded with {@link dev.tether.PersistentSession#setPrincipal} holds on every
 * node and across restarts, for as long as the session lives. {@code request.getUserPrincipal()},
 * {@code SecurityContext} and {@code @RolesAllowed} then see that user.
 *
 * <p>Turn it on with {@code tether.authentication-mechanism=true}; the application logs users in itself
 * (checks the password, then {@code session.setPrincipal(name)}), and logs them out with
 * {@code session.invalidate()}, or everywhere with {@link PersistentSessions#invalidateAll}.
 *
 * <pre>{@code
 * @POST @Path("login")
 * public void login(@FormParam("user") String user, @FormParam("password") String password) {
 *     if (!users.check(user, password)) throw new NotAuthorizedException("Form");
 *     session.setPrincipal(user);      // and, with tether.rotate-on-login, a new session ID
 * }
 * }</pre>
 *
 * <p>An application that needs groups (roles) for its callers extends this class, overrides
 * {@link #groupsOf}, and makes the subclass a bean instead of setting the key. A request whose session has no
 * principal stays anonymous, unless the resource is protected: then it gets 401. Each request that presents
 * a well-formed session ID costs one query for the session's principal.
 *
 * <p>On WildFly, the {@code other} application security domain must accept identities it does not know
 * itself: {@code /subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,
 * value=false)}. SECURITY.md explains why.
 */
@ApplicationScoped
public class PersistentSessionAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(PersistentSessionAuthentication.class.getName());

    /** The request attribute naming the session (by its {@link SessionInfo#handle()}) that authenticated the caller. */
    public static final String AUTHENTICATED_SESSION = PersistentSessionAuthentication.class.getName() + ".session";

    private PersistentSessions sessions;
    private PersistentSession session;
    private SessionUnits units;
    private SessionIdTransport transport;

    protected PersistentSessionAuthentication() {
    }

    @Inject
    protected PersistentSessionAuthentication(PersistentSessions sessions, PersistentSession session,
                                              SessionUnits units) {
        this.sessions = sessions;
        this.session = session;
        this.units = units;
        this.transport = new SessionIdTransport(units.settings().cookie(), units.settings().headerName());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Optional<SessionInfo> session;
        try {
            session = transport.presentedId(request).flatMap(sessions::find);
        } catch (SessionStoreUnavailableException e) {
            LOG.log(Level.WARNING, "Tether: cannot authenticate from the session store", e);
            if (context.isProtected()) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return AuthenticationStatus.SEND_FAILURE;
            }
            return context.doNothing();
        }
        Optional<String> principal = session.flatMap(SessionInfo::principal);
        if (principal.isPresent()) {
            // the session vouches for this caller: the request's unit of work must not carry it anywhere else
            request.setAttribute(AUTHENTICATED_SESSION, session.get().handle());
            return context.notifyContainerAboutLogin(principal.get(), groupsOf(principal.get()));
        }
        return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
    }

    /**
     * {@code HttpServletRequest.logout()}: the session's principal is removed (and, with
     * {@code tether.rotate-on-login}, its ID changes), so the next request is anonymous.
     */
    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (units.isActive()) {
            session.setPrincipal(null);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /**
     * The groups of an authenticated caller, for role checks. None by default: the session stores only who
     * the caller is. Override to ask the application's user store.
     */
    protected Set<String> groupsOf(String principal) {
        return Set.of();
    }
}
