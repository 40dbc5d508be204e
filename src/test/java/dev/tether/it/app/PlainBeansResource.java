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

/** Beans written as a new user writes them: the Quick start's cart, a private counter, an itinerary. */
@Path("plain")
@RequestScoped
public class PlainBeansResource {

    @Inject
    Cart cart;
    @Inject
    Clicks clicks;
    @Inject
    Itinerary itinerary;

    @POST
    @Path("cart")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> add(@QueryParam("item") String item) {
        cart.add(item);
        return cart.getItems();
    }

    @GET
    @Path("cart")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> items() {
        return cart.getItems();
    }

    @POST
    @Path("clicks")
    @Produces(MediaType.TEXT_PLAIN)
    public int click() {
        clicks.inc();
        return clicks.value();
    }

    @POST
    @Path("itinerary")
    @Produces(MediaType.TEXT_PLAIN)
    public String travel(@QueryParam("town") String town, @QueryParam("nights") int nights,
                         @QueryParam("mode") Itinerary.Mode mode) {
        itinerary.add(town, nights, mode);
        return itinerary.describe();
    }

    @GET
    @Path("itinerary")
    @Produces(MediaType.TEXT_PLAIN)
    public String itinerary() {
        return itinerary.describe();
    }
}
