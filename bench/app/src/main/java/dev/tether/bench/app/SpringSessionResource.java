package dev.tether.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * Variant {@code spring-session-jdbc}, the peer: the counter is an attribute of the HttpSession that Spring
 * Session's filter (registered by {@link SpringSessionSetup} on this path only) keeps in the database. A
 * changed attribute is set again, as Spring Session requires for it to be saved.
 */
@ApplicationScoped
@Path("spring-session-jdbc")
@Produces(MediaType.TEXT_PLAIN)
public class SpringSessionResource {

    static final String ATTRIBUTE = "hits";

    @Context
    HttpServletRequest request;

    @GET
    @Path("no-touch")
    public String noTouch() {
        return "ok";
    }

    @GET
    @Path("read")
    public String read() {
        return Long.toString(hits(request.getSession()).count());
    }

    @POST
    @Path("increment")
    public String increment() {
        HttpSession session = request.getSession();
        Hits hits = hits(session);
        long count = hits.increment();
        session.setAttribute(ATTRIBUTE, hits);
        return Long.toString(count);
    }

    private static Hits hits(HttpSession session) {
        Object hits = session.getAttribute(ATTRIBUTE);
        return hits != null ? (Hits) hits : new AttributeHits();
    }
}
