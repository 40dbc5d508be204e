package dev.tether.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real HTTP client that keeps cookies as a browser would, with a few shortcuts for the tests. */
public final class Client {

    private final URL base;
    private final CookieManager cookies;
    private final HttpClient http;

    public Client(URL base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private Client(URL base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same browser, cookies and all, sending its next requests to another server: a load balancer's choice. */
    public Client at(URL otherBase) {
        return new Client(otherBase, cookies);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public HttpResponse<String> post(String path, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    public HttpResponse<String> postForm(String path, String form) {
        return send(request(path, "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The value of the named cookie this client holds, if any. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    /** Another client that starts with the same cookies: a second tab, or a stolen cookie. */
    public Client sharingCookiesWith(String name) {
        Client twin = new Client(base);
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .forEach(c -> twin.cookies.getCookieStore().add(URI.create(base.toString()), c));
        return twin;
    }

    public static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    public static Map<String, List<String>> headers(HttpResponse<?> response) {
        return response.headers().map();
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
