package dev.tether.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tether.PersistentSessions;
import dev.tether.PurgeResult;

/** Starts a purge from inside the application's own JTA transaction, as an {@code @Schedule} method would. */
@Path("purge")
@RequestScoped
public class PurgeResource {

    @Inject
    PersistentSessions sessions;

    @POST
    @Transactional
    @Produces(MediaType.TEXT_PLAIN)
    public String purgeInsideTransaction() {
        PurgeResult result = sessions.purgeExpired();
        return "ranHere=" + result.ranHere();
    }
}
