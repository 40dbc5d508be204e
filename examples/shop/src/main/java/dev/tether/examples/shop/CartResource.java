package dev.tether.examples.shop;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

/**
 * {@code /api/cart}: show, fill, empty and check out the cart. The {@link Cart} is loaded from the database the
 * first time a request uses it and written back when the request ends, only if it changed.
 */
@Path("cart")
@Produces(MediaType.APPLICATION_JSON)
public class CartResource {

    /** The body of {@code POST /api/cart}: {@code {"sku": "tea"}}. */
    public record AddItem(String sku) {
    }

    /** What {@code POST /api/cart/checkout} answers: the order that was placed. */
    public record Order(String user, CartView cart) {
    }

    @Inject
    Cart cart;

    @Inject
    Preferences preferences;

    @Inject
    Login login;

    @Inject
    Catalog catalog;

    @GET
    public CartView show() {
        return view();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CartView add(AddItem request) {
        String sku = request == null ? null : request.sku();
        Product product = catalog.find(sku)
                .orElseThrow(() -> ApiError.of(Status.BAD_REQUEST, "no product with sku '" + sku + "'"));
        cart.add(product);
        return view();
    }

    @DELETE
    public CartView empty() {
        cart.clear();
        return view();
    }

    /** Only a logged-in visitor may order: the login is checked in the session, as every request can. */
    @POST
    @Path("checkout")
    public Order checkout() {
        String user = login.user().orElseThrow(() -> ApiError.of(Status.UNAUTHORIZED, "log in to check out"));
        if (cart.isEmpty()) {
            throw ApiError.of(Status.CONFLICT, "the cart is empty");
        }
        Order order = new Order(user, view());
        cart.clear();
        return order;
    }

    private CartView view() {
        return CartView.of(cart, preferences.getCurrency());
    }
}
