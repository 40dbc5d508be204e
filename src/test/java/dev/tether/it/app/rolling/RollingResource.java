package dev.tether.it.app.rolling;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The rolling-deploy test's view of its beans, the same class in both versions of the application: it knows the
 * beans only by {@link NamedFields}, which both versions of each bean implement.
 */
@Path("rolling")
@RequestScoped
public class RollingResource {

    @Inject
    Profile profile;
    @Inject
    Preferences preferences;
    @Inject
    Badge badge;
    @Inject
    Score score;

    @GET
    @Path("{bean}")
    @Produces(MediaType.TEXT_PLAIN)
    public String describe(@PathParam("bean") String name) {
        return bean(name).describe();
    }

    @POST
    @Path("{bean}")
    @Produces(MediaType.TEXT_PLAIN)
    public String set(@PathParam("bean") String name, @QueryParam("field") String field,
                      @QueryParam("value") String value) {
        NamedFields bean = bean(name);
        bean.set(field, value);
        return bean.describe();
    }

    private NamedFields bean(String name) {
        return switch (name) {
            case "profile" -> profile;
            case "preferences" -> preferences;
            case "badge" -> badge;
            case "score" -> score;
            default -> throw new NotFoundException("no bean " + name);
        };
    }
}
