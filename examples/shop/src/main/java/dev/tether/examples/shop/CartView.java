package dev.tether.examples.shop;

import java.util.List;

/** The cart as the API returns it. Built from the bean, never the bean itself: that is a container proxy. */
public record CartView(List<ProductView> items, String total) {

    public static CartView of(Cart cart, DisplayCurrency currency) {
        return new CartView(cart.items().stream().map(item -> ProductView.of(item, currency)).toList(),
                currency.format(cart.totalCents()));
    }
}
