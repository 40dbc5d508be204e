package dev.tether.examples.shop;

import java.io.Serializable;

/**
 * Something the shop sells, priced in euro cents. A cart keeps the product as it was when it was added, so it
 * is Serializable: it is stored inside the {@link Cart}.
 */
public record Product(String sku, String name, long priceCents) implements Serializable {
}
