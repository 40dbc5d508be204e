package dev.tether.examples.shop;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

import dev.tether.PersistentSessionScoped;

/**
 * Who is logged in on this session: the authentication token of Apache::Session's authentication handler.
 * Each request opens the session and checks it; nothing else remembers the login.
 */
@PersistentSessionScoped
public class Login implements Serializable {

    private String user;
    private Instant since;

    public void logIn(String user, Instant at) {
        this.user = user;
        this.since = at;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }
}
