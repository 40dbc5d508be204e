package dev.tether.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Variant {@code tether}: {@code @PersistentSessionScoped}, stored in the database by Tether. Application-scoped, as
 * every variant's resource is: a request-scoped resource costs each request RESTEasy's creation and validation of
 * it, which would fall on some variants and not on others.
 */
@ApplicationScoped
@Path("tether")
@Produces(MediaType.TEXT_PLAIN)
public class TetherResource {

    @Inject
    PersistentHits hits;

    @GET
    @Path("no-touch")
    public String noTouch() {
        return "ok";
    }

    @GET
    @Path("read")
    public String read() {
        return Long.toString(hits.count());
    }

    @POST
    @Path("increment")
    public String increment() {
        return Long.toString(hits.increment());
    }
}
