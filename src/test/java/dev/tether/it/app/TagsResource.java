package dev.tether.it.app;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Stores tags once; reads them as often as asked. */
@Path("tags")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TagsResource {

    @Inject
    Tags tags;

    /** Adds tags {@code tag-0} to {@code tag-<count - 1>}. */
    @POST
    public List<String> add(@QueryParam("count") int count) {
        for (int i = 0; i < count; i++) {
            tags.add("tag-" + i);
        }
        return tags.names();
    }

    @GET
    public List<String> names() {
        return tags.names();
    }
}
