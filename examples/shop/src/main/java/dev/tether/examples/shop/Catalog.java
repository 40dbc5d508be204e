package dev.tether.examples.shop;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The fixed range of products. A real shop would read it from its own database. */
@ApplicationScoped
public class Catalog {

    private static final List<Product> PRODUCTS = List.of(
            new Product("tea", "Green tea", 450),
            new Product("coffee", "Coffee beans", 1290),
            new Product("mug", "Enamel mug", 900),
            new Product("kettle", "Kettle", 3500));

    public List<Product> products() {
        return PRODUCTS;
    }

    public Optional<Product> find(String sku) {
        return PRODUCTS.stream().filter(product -> product.sku().equals(sku)).findFirst();
    }
}
