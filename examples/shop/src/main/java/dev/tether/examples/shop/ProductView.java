package dev.tether.examples.shop;

/** A product as the page shows it: the price in the visitor's currency. */
public record ProductView(String sku, String name, String price) {

    public static ProductView of(Product product, DisplayCurrency currency) {
        return new ProductView(product.sku(), product.name(), currency.format(product.priceCents()));
    }
}
