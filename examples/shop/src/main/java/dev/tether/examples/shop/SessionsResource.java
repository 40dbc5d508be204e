package dev.tether.examples.shop;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import dev.tether.PersistentSessions;
import dev.tether.SessionSummary;

/**
 * {@code /api/sessions}: where the logged-in user is logged in ({@code GET}), and ending one of those sessions by its
 * handle ({@code DELETE /api/sessions/{handle}}), say the one on a lost phone. A handle names a session without being
 * its ID: it cannot be used to act as that session, and another user's handle ends nothing.
 */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    /** One line of the list; {@code current} is the session of the browser that asked. */
    public record SessionView(String handle, Instant created, Instant lastUsed, Instant expires, long storedBytes,
                              boolean current) {

        static SessionView of(SessionSummary summary) {
            return new SessionView(summary.session().handle(), summary.session().createdAt(),
                    summary.session().lastAccessedAt(), summary.session().expiresAt(), summary.storedBytes(),
                    summary.current());
        }
    }

    @Inject
    Login login;

    @Inject
    PersistentSessions sessions;

    @GET
    public List<SessionView> mine() {
        return sessions.findSummariesByPrincipal(user()).stream().map(SessionView::of).toList();
    }

    @DELETE
    @Path("{handle}")
    public Response end(@PathParam("handle") String handle) {
        if (!sessions.invalidateByHandle(handle, user())) {
            throw ApiError.of(Status.NOT_FOUND, "no such session of yours: it has ended already");
        }
        return Response.noContent().build();
    }

    private String user() {
        return login.user().orElseThrow(() -> ApiError.of(Status.UNAUTHORIZED, "log in to see your sessions"));
    }
}
