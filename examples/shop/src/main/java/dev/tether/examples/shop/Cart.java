package dev.tether.examples.shop;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import dev.tether.PersistentSessionScoped;

/**
 * The visitor's cart. It lives in the database under the visitor's session ID: it is there on the next request,
 * after a server restart, and on another node.
 */
@PersistentSessionScoped
public class Cart implements Serializable {

    private final List<Product> items = new ArrayList<>();

    public void add(Product product) {
        items.add(product);
    }

    public void clear() {
        items.clear();
    }

    public List<Product> items() {
        return List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public long totalCents() {
        return items.stream().mapToLong(Product::priceCents).sum();
    }
}
