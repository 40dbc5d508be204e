package dev.tether.bench.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The SQL statement and commit counts so far; the bench reads them before and after each run. */
@Path("stats")
public class StatsResource {

    @Inject
    BenchStorage storage;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String counts() {
        return storage.counts().json();
    }

    @GET
    @Path("datasource")
    @Produces(MediaType.TEXT_PLAIN)
    public String dataSource() {
        return storage.name();
    }

    @GET
    @Path("sql")
    @Produces(MediaType.TEXT_PLAIN)
    public String byStatement() {
        return storage.counts().byStatement();
    }
}
