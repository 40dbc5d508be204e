package dev.tether.it.app;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The SQL statements Tether ran since the last reset, by kind: {@code {"select":3,"update":1}}. */
@Path("sql")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatementCountsResource {

    @Inject
    CountedSessionStorage storage;

    @GET
    public Map<String, Long> counts() {
        return storage.counts().counts();
    }

    @DELETE
    public void reset() {
        storage.counts().reset();
    }
}
