package dev.tether.it.app;

import java.security.Principal;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;

/**
 * Logging in by recording the principal in the persistent session, and what the container then knows of the
 * caller. The test application trusts any name: the point is what happens after a login, not the password.
 */
@Path("account")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class AccountResource {

    @Inject
    PersistentSession session;
    @Inject
    PersistentSessions sessions;
    @Context
    SecurityContext security;

    @POST
    @Path("login")
    public String logIn(@QueryParam("user") String user) {
        session.setPrincipal(user);
        return session.id();
    }

    /** Who the container says the caller is: set by the authentication mechanism, not by this application. */
    @GET
    @Path("whoami")
    public String whoAmI() {
        Principal caller = security.getUserPrincipal();
        return caller == null ? "anonymous" : caller.getName();
    }

    /** "Where am I logged in": the caller's sessions. */
    @GET
    @Path("sessions")
    public int sessionsOfCaller() {
        return sessions.findByPrincipal(whoAmI()).size();
    }

    /**
     * The account page's list: one line per session of the caller, oldest first, with its handle, whether it is
     * this session, and how many bytes it stores.
     */
    @GET
    @Path("sessions/list")
    public String sessionListOfCaller() {
        return sessions.findSummariesByPrincipal(whoAmI()).stream()
                .map(summary -> summary.session().handle() + " " + (summary.current() ? "current" : "other") + " "
                        + summary.storedBytes())
                .collect(Collectors.joining("\n"));
    }

    /** The account page's "end" button: ends one of the caller's sessions; answers whether it ended one. */
    @POST
    @Path("sessions/end")
    public boolean endSessionOfCaller(@QueryParam("handle") String handle) {
        return sessions.invalidateByHandle(handle, whoAmI());
    }

    /** "Log out everywhere". */
    @POST
    @Path("logout-everywhere")
    public int logOutEverywhere() {
        return sessions.invalidateAll(whoAmI());
    }
}
