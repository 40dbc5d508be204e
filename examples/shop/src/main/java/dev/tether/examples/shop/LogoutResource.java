package dev.tether.examples.shop;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tether.PersistentSession;

/**
 * {@code POST /api/logout}: ends the session. Its row and all its beans (login, cart, preferences) are deleted
 * and the browser is told to drop the cookie; the next request starts afresh.
 */
@Path("logout")
@Produces(MediaType.APPLICATION_JSON)
public class LogoutResource {

    @Inject
    PersistentSession session;

    @POST
    public LoginResource.LoginView logOut() {
        session.invalidate();
        return new LoginResource.LoginView(null, null);
    }
}
