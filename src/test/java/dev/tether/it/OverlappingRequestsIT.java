package dev.tether.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tether.it.support.Client;
import dev.tether.it.support.Wars;

/**
 * One session, two requests at once: a slow request R1 changes a bean and is held at a gate while a second request
 * R2 of the same session rotates its ID, logs in, invalidates it, or another client logs the user out everywhere.
 * Whatever R1 writes back afterwards must not undo R2: the old ID never works again, the new one finds the session,
 * an ended session stays ended. Each scenario runs several rounds, as a race that passes once proves little.
 */
@ExtendWith(ArquillianExtension.class)
class OverlappingRequestsIT {

    private static final int ROUNDS = 3;
    private static final String SESSION = "SESSION_ID";
    private static final String SLOW_ITEM = "slow";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.appWithGates("overlap");
    }

    @ArquillianResource
    URL base;

    @Test
    void rotateIdDuringASlowChangeKeepsTheChangeUnderTheNewIdAndTheOldIdFindsNothing() {
        for (int round = 1; round <= ROUNDS; round++) {
            Client browser = new Client(base);
            browser.post("api/notes?item=before");
            String oldId = browser.cookie(SESSION).orElseThrow();

            HttpResponse<String> slow = slowChangeWith(oldId, () -> browser.post("api/rotate")).slow();

            String newId = browser.cookie(SESSION).orElseThrow();
            SoftAssertions then = new SoftAssertions();
            then.assertThat(newId).as("round %d: the new ID", round).isNotEqualTo(oldId);
            then.assertThat(slow.statusCode()).as("round %d: the slow request", round).isEqualTo(200);
            then.assertThat(notesWith(oldId)).as("round %d: the old ID's data", round).isEqualTo("[]");
            then.assertThat(notesWith(newId)).as("round %d: the new ID's data", round)
                    .isEqualTo("[\"before\",\"" + SLOW_ITEM + "\"]");
            then.assertAll();
        }
    }

    @Test
    void aLoginDuringASlowChangeKeepsTheChangeAndThePrincipalUnderTheNewIdAndTheOldIdFindsNothing() {
        for (int round = 1; round <= ROUNDS; round++) {
            String user = newUser();
            Client browser = new Client(base);
            browser.post("api/notes?item=before");
            String oldId = browser.cookie(SESSION).orElseThrow();

            HttpResponse<String> slow =
                    slowChangeWith(oldId, () -> browser.post("api/account/login?user=" + user)).slow();

            String newId = browser.cookie(SESSION).orElseThrow();
            SoftAssertions then = new SoftAssertions();
            then.assertThat(newId).as("round %d: the new ID", round).isNotEqualTo(oldId);
            then.assertThat(slow.statusCode()).as("round %d: the slow request", round).isEqualTo(200);
            then.assertThat(notesWith(oldId)).as("round %d: the old ID's data", round).isEqualTo("[]");
            then.assertThat(principalWith(oldId)).as("round %d: the old ID's principal", round).isEqualTo("none");
            then.assertThat(notesWith(newId)).as("round %d: the new ID's data", round)
                    .isEqualTo("[\"before\",\"" + SLOW_ITEM + "\"]");
            then.assertThat(principalWith(newId)).as("round %d: the new ID's principal", round).isEqualTo(user);
            then.assertAll();
        }
    }

    @Test
    void invalidateDuringASlowChangeEndsTheSessionForGoodAndTheSlowRequestGetsAConflict() {
        for (int round = 1; round <= ROUNDS; round++) {
            String user = newUser();
            Client browser = new Client(base);
            browser.post("api/account/login?user=" + user);
            browser.post("api/notes?item=before");
            String id = browser.cookie(SESSION).orElseThrow();

            HttpResponse<String> slow = slowChangeWith(id, () -> browser.post("api/invalidate")).slow();

            assertEndedForGood(round, user, id, slow);
        }
    }

    @Test
    void logOutEverywhereDuringASlowChangeEndsTheSessionForGoodAndTheSlowRequestGetsAConflict() {
        for (int round = 1; round <= ROUNDS; round++) {
            String user = newUser();
            Client laptop = new Client(base);
            laptop.post("api/account/login?user=" + user);
            laptop.post("api/notes?item=before");
            String id = laptop.cookie(SESSION).orElseThrow();
            Client phone = new Client(base);
            phone.post("api/account/login?user=" + user);

            Overlap overlap = slowChangeWith(id, () -> phone.post("api/principal/logout-everywhere"));

            assertThat(overlap.other().body()).as("round %d: sessions logged out", round).isEqualTo("2");
            assertEndedForGood(round, user, id, overlap.slow());
        }
    }

    /** Neither the ended ID nor any ID the slow request was given finds the data or the principal again. */
    private void assertEndedForGood(int round, String user, String id, HttpResponse<String> slow) {
        SoftAssertions then = new SoftAssertions();
        then.assertThat(slow.statusCode()).as("round %d: the slow request", round).isEqualTo(409);
        then.assertThat(notesWith(id)).as("round %d: the ended ID's data", round).isEqualTo("[]");
        then.assertThat(principalWith(id)).as("round %d: the ended ID's principal", round).isEqualTo("none");
        sessionIdSetBy(slow).ifPresent(given -> {
            then.assertThat(notesWith(given)).as("round %d: data under the slow request's new cookie", round)
                    .isEqualTo("[]");
            then.assertThat(principalWith(given)).as("round %d: principal under the slow request's new cookie", round)
                    .isEqualTo("none");
        });
        then.assertThat(new Client(base).get("api/principal/sessions?user=" + user).body())
                .as("round %d: sessions left for the user", round).isEqualTo("0");
        then.assertAll();
    }

    /** The responses of the slow request R1 and of the request R2 that ran while R1 was held. */
    private record Overlap(HttpResponse<String> slow, HttpResponse<String> other) {
    }

    /**
     * Sends R1 with the given ID: it adds {@value #SLOW_ITEM} to the notes and waits at a gate. Once it is held
     * there, runs R2 to its end, then opens the gate and waits for R1's response.
     */
    private Overlap slowChangeWith(String id, Supplier<HttpResponse<String>> overlapping) {
        String gate = UUID.randomUUID().toString();
        Client secondTab = new Client(base);
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> secondTab.post(
                "api/cluster/gated/notes?item=" + SLOW_ITEM + "&gate=" + gate, "Cookie", SESSION + "=" + id));
        awaitHeld(gate);
        HttpResponse<String> other;
        try {
            other = overlapping.get();
        } finally {
            new Client(base).post("api/cluster/gate/" + gate + "/open");
        }
        assertThat(other.statusCode()).as("the overlapping request").isBetween(200, 299);
        return new Overlap(slow.join(), other);
    }

    private void awaitHeld(String gate) {
        Client observer = new Client(base);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!observer.get("api/cluster/gate/" + gate).body().equals("true")) {
            assertThat(Instant.now()).as("the slow request reaches its gate").isBefore(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String notesWith(String id) {
        return new Client(base).get("api/notes", "Cookie", SESSION + "=" + id).body();
    }

    private String principalWith(String id) {
        return new Client(base).get("api/principal", "Cookie", SESSION + "=" + id).body();
    }

    /** The non-empty session ID a response set, if any (an expiring cookie sets none). */
    private static Optional<String> sessionIdSetBy(HttpResponse<?> response) {
        return Client.setCookies(response).stream().filter(c -> c.startsWith(SESSION + "="))
                .map(c -> c.substring(SESSION.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(value -> !value.isEmpty()).findFirst();
    }

    /** A user of its own per round: the test server's database outlives single runs. */
    private static String newUser() {
        return "alice-" + UUID.randomUUID();
    }
}
