package dev.tether.examples.shop;

import java.net.URI;
import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The demo page as a visitor uses it, so the tests read as what the visitor does. */
final class ShopPage {

    private final Page page;

    ShopPage(Page page) {
        this.page = page;
    }

    ShopPage open(URI url) {
        page.navigate(url.toString());
        return this;
    }

    void logIn(String user, String password) {
        page.locator("#user").fill(user);
        page.locator("#password").fill(password);
        page.locator("#login-button").click();
    }

    /** Clicks "Add" next to the product and waits until the cart shows one more line. */
    void add(String sku) {
        int before = cartLines().count();
        page.locator("#products button[data-sku='" + sku + "']").click();
        cartLines().nth(before).waitFor();
    }

    void chooseTheme(String theme) {
        page.locator("#theme").selectOption(theme);
    }

    void reload() {
        page.reload();
    }

    Locator who() {
        return page.locator("#who");
    }

    /** The page's body: its class is the theme in use. */
    Locator body() {
        return page.locator("body");
    }

    Locator cartLines() {
        return page.locator("#cart li");
    }

    Locator cartTotal() {
        return page.locator("#cart-total");
    }

    Locator emptyCartNotice() {
        return page.locator("#cart-empty");
    }

    void screenshot(Path file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }
}
