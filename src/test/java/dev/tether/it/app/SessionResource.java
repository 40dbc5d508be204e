package dev.tether.it.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.tether.PersistentSession;

/** Resources that exercise the HTTP boundary. */
@Path("/")
@RequestScoped
public class SessionResource {

    @Inject
    Notes notes;
    @Inject
    Tally tally;
    @Inject
    PersistentSession session;
    @Inject
    Rendezvous rendezvous;

    @POST
    @Path("notes")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> add(@QueryParam("item") String item) {
        notes.add(item);
        return List.copyOf(notes.getItems());
    }

    @GET
    @Path("notes")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> items() {
        return List.copyOf(notes.getItems());
    }

    @GET
    @Path("notes/bean")
    @Produces(MediaType.APPLICATION_JSON)
    public Notes bean() {
        return notes;
    }

    @GET
    @Path("nothing")
    @Produces(MediaType.TEXT_PLAIN)
    public String nothing() {
        return "nothing touched";
    }

    @GET
    @Path("peek")
    @Produces(MediaType.TEXT_PLAIN)
    public String peek() {
        return "items: " + notes.getItems().size();
    }

    @POST
    @Path("invalidate")
    public void invalidate() {
        session.invalidate();
    }

    @POST
    @Path("rotate")
    @Produces(MediaType.TEXT_PLAIN)
    public String rotate() {
        return session.rotateId();
    }

    @GET
    @Path("tally")
    @Produces(MediaType.TEXT_PLAIN)
    public int value() {
        return tally.getValue();
    }

    @POST
    @Path("tally")
    @Produces(MediaType.TEXT_PLAIN)
    public int increment() {
        tally.increment();
        return tally.getValue();
    }

    /** Reads the tally, waits until a second request has read it too, then increments. */
    @POST
    @Path("tally/overlapping")
    @Produces(MediaType.TEXT_PLAIN)
    public int incrementOverlapping() {
        tally.getValue();
        rendezvous.await();
        tally.increment();
        return tally.getValue();
    }

    /** Changes a bean on the request thread, then completes on another thread. */
    @POST
    @Path("async/notes")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<List<String>> addAsync(@QueryParam("item") String item) {
        notes.add(item);
        List<String> snapshot = List.copyOf(notes.getItems());
        return CompletableFuture.supplyAsync(() -> snapshot);
    }
}
