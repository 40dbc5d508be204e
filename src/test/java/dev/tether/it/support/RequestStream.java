package dev.tether.it.support;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One browser sending a stream of requests to one server, each adding the next item to its notes, one after the
 * other, until a request fails: it remembers every item whose request was answered with a 2xx.
 */
public final class RequestStream implements Runnable {

    public static final String BROKEN_CONNECTION = "a broken connection";
    private static final int MAX_REQUESTS = 2_000;

    private final Client browser;
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private volatile String endedBy = "its last request";

    public RequestStream(WildFlyNode node) {
        this.browser = new Client(node.url());
    }

    @Override
    public void run() {
        for (int i = 1; i <= MAX_REQUESTS; i++) {
            String item = "item-" + i;
            try {
                HttpResponse<String> response = browser.post("api/notes?item=" + item);
                if (response.statusCode() / 100 != 2) {
                    endedBy = "status " + response.statusCode() + ": " + response.body();
                    return;
                }
                acknowledged.add(item);
            } catch (UncheckedIOException e) {
                endedBy = BROKEN_CONNECTION + " (" + e.getCause() + ")";
                return;
            }
        }
    }

    public Client browser() {
        return browser;
    }

    /** The items whose request got a 2xx, in the order they were sent. */
    public List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** What ended the stream: its last request, an error status, or {@value #BROKEN_CONNECTION}. */
    public String endedBy() {
        return endedBy;
    }
}
