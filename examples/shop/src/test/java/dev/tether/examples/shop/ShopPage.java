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

    /** "Where you are signed in", shown only to a signed-in user. */
    Locator sessionsSection() {
        return page.locator("#sessions-section");
    }

    /** The lines of "Where you are signed in": one per session of the user. */
    Locator sessions() {
        return page.locator("#sessions li");
    }

    /** Clicks "End" on the line of another browser's session (there must be exactly one). */
    void endTheOtherSession() {
        sessions().filter(new Locator.FilterOptions().setHasText("Another browser")).locator("button").click();
    }

    void screenshot(Path file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }
}
