package dev.tether.support;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tether.PersistentSession;
import dev.tether.fixtures.Basket;

/** Stored sessions of logged-in users, for the tests of a principal's sessions. */
@ApplicationScoped
public class Logins {

    @Inject
    Units units;
    @Inject
    PersistentSession session;
    @Inject
    Basket basket;
    @Inject
    TestStorage storage;

    /**
     * A new session of {@code user} whose basket holds {@code foo}; the clock then moves on a second, so that the
     * next session is younger and "oldest first" has one order on every database.
     *
     * @return its ID
     */
    public String loggedIn(String user, String foo) {
        String id = units.run(null, () -> {
            session.setPrincipal(user);
            basket.setFoo(foo);
        }).idToSend().orElseThrow();
        storage.clockControl().advance(Duration.ofSeconds(1));
        return id;
    }
}
