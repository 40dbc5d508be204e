package dev.tether.examples.shop;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import dev.tether.PersistentSession;

/** {@code /api/login}: who is logged in on this session ({@code GET}), and logging in ({@code POST}). */
@Path("login")
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {

    /** The body of {@code POST /api/login}. */
    public record Credentials(String user, String password) {
    }

    /** Who is logged in since when; {@code {"since": null, "user": null}} for nobody. */
    @JsonbNillable
    public record LoginView(String user, Instant since) {

        static LoginView of(Login login) {
            return new LoginView(login.user().orElse(null), login.since().orElse(null));
        }
    }

    @Inject
    Login login;

    @Inject
    PersistentSession session;

    @Inject
    Users users;

    @GET
    public LoginView current() {
        return LoginView.of(login);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public LoginView logIn(Credentials credentials) {
        if (credentials == null || !users.check(credentials.user(), credentials.password())) {
            throw ApiError.of(Status.UNAUTHORIZED, "unknown user or wrong password");
        }
        login.logIn(credentials.user(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        // the principal lets PersistentSessions find every session of this user ("log out everywhere")
        session.setPrincipal(credentials.user());
        // a new ID once the session carries a login: an ID planted before the login is worth nothing
        session.rotateId();
        return LoginView.of(login);
    }
}
