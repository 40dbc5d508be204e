package dev.tether.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The README walkthrough's reader: if it were lenient by mistake, the README could drift unnoticed. */
class WalkthroughTest {

    private static final String README = String.join("\n",
            "Some prose, and a block outside the markers:",
            "```console",
            "$ echo ignored",
            "```",
            Walkthrough.START,
            "```console",
            "$ curl -si http://127.0.0.1:8080/shop/api/cart",
            "HTTP/1.1 200 OK",
            "Set-Cookie: SESSION_ID=...; Path=/shop",
            "...",
            "{\"items\":[]}",
            "$ curl -s http://127.0.0.1:8080/shop/api/login",
            "```",
            "",
            "```sh",
            "not a console block",
            "```",
            Walkthrough.END);

    @Test
    void readsCommandsAndTheirOutputOnlyBetweenTheMarkers() {
        List<Walkthrough.Step> steps = Walkthrough.parse(README);

        assertThat(steps).extracting(Walkthrough.Step::command).containsExactly(
                "curl -si http://127.0.0.1:8080/shop/api/cart", "curl -s http://127.0.0.1:8080/shop/api/login");
        assertThat(steps.get(0).expected()).containsExactly(
                "HTTP/1.1 200 OK", "Set-Cookie: SESSION_ID=...; Path=/shop", "...", "{\"items\":[]}");
        assertThat(steps.get(1).expected()).isEmpty();
    }

    @Test
    void acceptsOutputWithExtraLinesAndAnyTextWhereTheReadmeShowsDots() {
        Walkthrough.Step step = Walkthrough.parse(README).get(0);

        assertThat(step.firstMissingLine(List.of("HTTP/1.1 200 OK", "Date: today",
                "Set-Cookie: SESSION_ID=abc123; Path=/shop", "Content-Length: 12", "", "{\"items\":[]}"))).isEmpty();
    }

    @Test
    void reportsTheFirstShownLineThatTheOutputLacks() {
        Walkthrough.Step step = Walkthrough.parse(README).get(0);

        assertThat(step.firstMissingLine(List.of("HTTP/1.1 200 OK", "{\"items\":[]}")))
                .contains("Set-Cookie: SESSION_ID=...; Path=/shop");
    }

    @Test
    void requiresTheShownLinesInTheShownOrder() {
        Walkthrough.Step step = Walkthrough.parse(README).get(0);

        assertThat(step.firstMissingLine(List.of("{\"items\":[]}", "HTTP/1.1 200 OK",
                "Set-Cookie: SESSION_ID=abc123; Path=/shop"))).contains("{\"items\":[]}");
    }
}
