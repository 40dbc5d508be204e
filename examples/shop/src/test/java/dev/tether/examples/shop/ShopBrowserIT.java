package dev.tether.examples.shop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * The demo page in headless Chromium (Debian's, not a downloaded one). Each browser context is a separate
 * visitor with its own cookie jar.
 */
@ExtendWith(ShopServerExtension.class)
class ShopBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("shop.screenshots", "target/screenshots"));

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void launchChromium() {
        Path chromium = Path.of(System.getProperty("shop.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("no Chromium at " + chromium + ": install Debian's "
                    + "(apt-get install -y chromium) or point -Dchromium.path=... at another one");
        }
        // the first requests after a restart load classes and warm up Hibernate: seconds on a busy machine
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                // no sandbox in containers; no background traffic to a network that is not there. Each
                // launch gets a fresh temporary profile (--user-data-dir) from Playwright.
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void loginCartAndPreferencesSurviveAServerRestart(ShopServer server) {
        try (BrowserContext visitor = browser.newContext()) {
            ShopPage shop = new ShopPage(visitor.newPage()).open(server.url());
            shop.logIn("alice", "wonderland");
            assertThat(shop.who()).hasText("Signed in as alice");
            shop.add("tea");
            shop.add("coffee");
            shop.chooseTheme("dark");
            assertThat(shop.body()).hasClass("dark");

            server.restart();
            shop.reload();

            assertThat(shop.who()).hasText("Signed in as alice");
            assertThat(shop.cartLines()).hasText(new String[] {"Green tea · 4.50 EUR", "Coffee beans · 12.90 EUR"});
            assertThat(shop.cartTotal()).hasText("17.40 EUR");
            assertThat(shop.body()).hasClass("dark");
            shop.screenshot(SCREENSHOTS.resolve("cart-after-restart.png"));
        }
    }

    @Test
    void anotherVisitorSeesAnEmptyCartAndNoLogin(ShopServer server) {
        try (BrowserContext alice = browser.newContext(); BrowserContext other = browser.newContext()) {
            ShopPage alicesShop = new ShopPage(alice.newPage()).open(server.url());
            alicesShop.logIn("alice", "wonderland");
            assertThat(alicesShop.who()).hasText("Signed in as alice");
            alicesShop.add("mug");

            ShopPage othersShop = new ShopPage(other.newPage()).open(server.url());

            assertThat(othersShop.who()).hasText("Not signed in");
            assertThat(othersShop.cartLines()).hasCount(0);
            assertThat(othersShop.emptyCartNotice()).isVisible();
            othersShop.screenshot(SCREENSHOTS.resolve("another-visitor.png"));
        }
    }

    @Test
    void aUserEndsTheSessionOfAnotherBrowserFromTheList(ShopServer server) {
        try (BrowserContext phone = browser.newContext(); BrowserContext laptop = browser.newContext()) {
            ShopPage onPhone = new ShopPage(phone.newPage()).open(server.url());
            onPhone.logIn("bob", "builder");
            assertThat(onPhone.who()).hasText("Signed in as bob");
            ShopPage onLaptop = new ShopPage(laptop.newPage()).open(server.url());
            onLaptop.logIn("bob", "builder");
            assertThat(onLaptop.sessions()).hasCount(2);
            assertThat(onLaptop.sessions().filter(new Locator.FilterOptions().setHasText("This browser")))
                    .hasCount(1);
            onLaptop.screenshot(SCREENSHOTS.resolve("two-sessions.png"));

            onLaptop.endTheOtherSession();

            assertThat(onLaptop.sessions()).hasCount(1);
            assertThat(onLaptop.sessions()).containsText("This browser");
            onPhone.reload();
            assertThat(onPhone.who()).hasText("Not signed in");
            assertThat(onPhone.sessionsSection()).isHidden();
            onLaptop.reload();
            assertThat(onLaptop.who()).hasText("Signed in as bob");
        }
    }
}
