package dev.tether.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Variant {@code none}, the ceiling: the same resource with no session at all. */
@ApplicationScoped
@Path("none")
@Produces(MediaType.TEXT_PLAIN)
public class NoSessionResource {

    @Inject
    RequestHits hits;

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
