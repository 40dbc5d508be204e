package dev.tether.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;

/**
 * The principal as the persistent session itself records it, without any authentication mechanism in between:
 * so a test sees what the session holds, not what the container makes of it.
 */
@Path("principal")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class PrincipalResource {

    @Inject
    PersistentSession session;
    @Inject
    PersistentSessions sessions;

    /** The session's principal, or {@code none}. */
    @GET
    public String principal() {
        return session.principal().orElse("none");
    }

    /** How many sessions the store still holds for the user. */
    @GET
    @Path("sessions")
    public int sessionsOf(@QueryParam("user") String user) {
        return sessions.findByPrincipal(user).size();
    }

    /** "Log out everywhere" for the principal of this session; answers how many sessions ended. */
    @POST
    @Path("logout-everywhere")
    public int logOutEverywhere() {
        return sessions.invalidateAll(session.principal().orElseThrow());
    }
}
