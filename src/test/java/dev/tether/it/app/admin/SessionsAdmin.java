package dev.tether.it.app.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

import dev.tether.web.SessionAdminResource;

/** The application's opt-in to Tether's admin resource: its path and the role it requires. */
@Path("admin/sessions")
@RequestScoped
public class SessionsAdmin extends SessionAdminResource {

    @Override
    protected String requiredRole() {
        return TestUsers.ADMIN_ROLE;
    }
}
