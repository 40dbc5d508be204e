package dev.tether.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import dev.tether.PersistentSessions;
import dev.tether.SessionDetails;
import dev.tether.SessionInfo;
import dev.tether.SessionSummary;

/**
 * An operator's view of the persistent sessions over JAX-RS: list them (a page of all, or a principal's), look at
 * one, end one, end a principal's. Its answers name sessions by handle and never carry a session ID or a bean's
 * contents.
 *
 * <p>Nothing of it is exposed until the application opts in: this class is abstract and has no {@code @Path}, so no
 * scanning finds it. The application subclasses it with the path it wants and names the role a caller must have;
 * every call checks it through the request's {@link SecurityContext} (not authenticated: {@code 401}; without the
 * role: {@code 403}), whichever way the application authenticates its users. Every call is on that one path, told
 * apart by its query parameters: a {@code @Path} on a method would make servers that scan for it (Payara) warn at
 * every deployment that they cannot instantiate this class.
 *
 * <pre>{@code
 * @Path("admin/sessions")
 * @RequestScoped
 * public class SessionsAdmin extends SessionAdminResource {
 *     @Override
 *     protected String requiredRole() { return "session-admin"; }
 * }
 * }</pre>
 */
@Vetoed
public abstract class SessionAdminResource {

    /** The page size when the caller asks for none. */
    static final int DEFAULT_PAGE = 50;
    /** The largest page a caller may ask for: each listed session costs two subqueries. */
    static final int MAX_PAGE = 500;

    @Inject
    private PersistentSessions sessions;

    /** {@return the role a caller must have for every call of this resource} */
    protected abstract String requiredRole();

    /**
     * One session when {@code handle} is given; the sessions of {@code principal} when it is given, oldest first;
     * otherwise a page of all live sessions in the order of their handles, with the handle to ask for the next page
     * after ({@code next}) while there may be more.
     *
     * @param security  the caller, as the container authenticated it
     * @param handle    the session to look at: its metadata and its beans' keys with their stored sizes
     * @param principal whose sessions to list
     * @param after     the {@code next} of the previous page, or none for the first
     * @param limit     the page's size, 1 to 500
     * @return {@code {"sessions": [...], "next": "..."}}, or the one session; {@code 404} when there is no live
     *         session with {@code handle}
     */
    @GET
    public Response look(@Context SecurityContext security, @QueryParam("handle") String handle,
                         @QueryParam("principal") String principal, @QueryParam("after") String after,
                         @QueryParam("limit") @DefaultValue("" + DEFAULT_PAGE) int limit) {
        authorize(security);
        if (handle != null && principal != null) {
            throw problem(new Problem(400, "One session or one principal",
                    "Ask for one session (handle) or one principal's sessions (principal), not both.", null));
        }
        if (handle != null) {
            return json(details(sessions.findByHandle(handle).orElseThrow(SessionAdminResource::notFound)));
        }
        if (principal != null) {
            return json(page(sessions.findSummariesByPrincipal(principal), Optional.empty()));
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw problem(new Problem(400, "Page size out of range",
                    "limit must be between 1 and " + MAX_PAGE + ".", null));
        }
        List<SessionSummary> found;
        try {
            found = sessions.findSummaries(after, limit);
        } catch (UnsupportedOperationException e) {
            throw problem(new Problem(501, "Listing not supported",
                    "The configured session store cannot list all sessions; list a principal's instead.", null));
        }
        Optional<String> next = found.size() < limit ? Optional.empty()
                : Optional.of(found.get(found.size() - 1).session().handle());
        return json(page(found, next));
    }

    /**
     * Ends one session, whoever it belongs to (its client gets a fresh session on its next request), or every
     * session of a principal ("log them out everywhere"). There is no call that ends all sessions.
     *
     * @param security  the caller, as the container authenticated it
     * @param handle    the session to end
     * @param principal whose sessions to end
     * @return {@code 204} for one session, or {@code 404} when there is no live session with this handle (ended
     *         already, expired); {@code {"ended": n}} for a principal's
     */
    @DELETE
    public Response end(@Context SecurityContext security, @QueryParam("handle") String handle,
                        @QueryParam("principal") String principal) {
        authorize(security);
        if ((handle == null) == (principal == null)) {
            throw problem(new Problem(400, "One session or one principal",
                    "Name the session to end (handle) or the principal whose sessions to end (principal).", null));
        }
        if (principal != null) {
            return json(Json.createObjectBuilder().add("ended", sessions.invalidateAll(principal)));
        }
        if (!sessions.invalidateByHandle(handle)) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    /** Unauthenticated: 401; authenticated without the role: 403. Checked first in every call. */
    private void authorize(SecurityContext security) {
        if (security.getUserPrincipal() == null) {
            throw problem(new Problem(401, "Authentication required",
                    "Log in with a user who has the role this resource requires.", null));
        }
        if (!security.isUserInRole(requiredRole())) {
            throw problem(new Problem(403, "Forbidden", "The caller lacks the role this resource requires.", null));
        }
    }

    private static WebApplicationException notFound() {
        return problem(new Problem(404, "No such session", "No live session has this handle.", null));
    }

    private static WebApplicationException problem(Problem problem) {
        return new WebApplicationException(Response.status(problem.status())
                .type(Problem.MEDIA_TYPE).entity(problem.json()).build());
    }

    private static JsonObjectBuilder details(SessionDetails details) {
        JsonArrayBuilder beans = Json.createArrayBuilder();
        for (Map.Entry<String, Long> bean : details.beanBytes().entrySet()) {
            beans.add(Json.createObjectBuilder().add("key", bean.getKey()).add("storedBytes", bean.getValue()));
        }
        return info(details.session()).add("beans", beans);
    }

    private static JsonObjectBuilder page(List<SessionSummary> found, Optional<String> next) {
        JsonArrayBuilder listed = Json.createArrayBuilder();
        for (SessionSummary summary : found) {
            listed.add(info(summary.session()).add("beanCount", summary.beanCount())
                    .add("storedBytes", summary.storedBytes()).add("current", summary.current()));
        }
        JsonObjectBuilder page = Json.createObjectBuilder().add("sessions", listed);
        next.ifPresent(handle -> page.add("next", handle));
        return page;
    }

    /** The metadata of a session: handle, principal, times. No ID: {@link SessionInfo} has none. */
    private static JsonObjectBuilder info(SessionInfo session) {
        JsonObjectBuilder info = Json.createObjectBuilder().add("handle", session.handle());
        session.principal().ifPresentOrElse(name -> info.add("principal", name), () -> info.addNull("principal"));
        return info.add("createdAt", session.createdAt().toString())
                .add("lastAccessedAt", session.lastAccessedAt().toString())
                .add("expiresAt", session.expiresAt().toString());
    }

    /** A string, so that no JSON provider of the server's is needed to write it. */
    private static Response json(JsonObjectBuilder body) {
        return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON).build();
    }
}
