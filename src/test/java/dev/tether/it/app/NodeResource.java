package dev.tether.it.app;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.tether.PersistentSession;

/** Resources for the tests with several servers: which server answered, and requests held at a {@link Gate}. */
@Path("cluster")
@RequestScoped
public class NodeResource {

    @Inject
    Notes notes;
    @Inject
    Tally tally;
    @Inject
    Gate gate;
    @Inject
    PersistentSession session;

    /** The name the test gave this server; touches no persistent bean. */
    @GET
    @Path("node")
    @Produces(MediaType.TEXT_PLAIN)
    public String node() {
        return System.getProperty("tether.it.node", "unnamed");
    }

    @POST
    @Path("gated/notes")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> addWhenOpen(@QueryParam("item") String item, @QueryParam("gate") String name) {
        notes.add(item);
        gate.passWhenOpen(name);
        return List.copyOf(notes.getItems());
    }

    @POST
    @Path("gated/tally")
    @Produces(MediaType.TEXT_PLAIN)
    public int incrementWhenOpen(@QueryParam("gate") String name) {
        tally.increment();
        gate.passWhenOpen(name);
        return tally.getValue();
    }

    /** A login held at the gate after the session took the principal, before it is written back. */
    @POST
    @Path("gated/login")
    @Produces(MediaType.TEXT_PLAIN)
    public String logInWhenOpen(@QueryParam("user") String user, @QueryParam("gate") String name) {
        session.setPrincipal(user);
        gate.passWhenOpen(name);
        return user;
    }

    @GET
    @Path("gate/{name}")
    @Produces(MediaType.TEXT_PLAIN)
    public boolean holds(@PathParam("name") String name) {
        return gate.holds(name);
    }

    @POST
    @Path("gate/{name}/open")
    public void open(@PathParam("name") String name) {
        gate.open(name);
    }
}
