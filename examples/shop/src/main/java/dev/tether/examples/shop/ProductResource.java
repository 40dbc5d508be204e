package dev.tether.examples.shop;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/products}: what can be bought, priced in the visitor's currency. */
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    Catalog catalog;

    @Inject
    Preferences preferences;

    @GET
    public List<ProductView> list() {
        return catalog.products().stream().map(product -> ProductView.of(product, preferences.getCurrency())).toList();
    }
}
