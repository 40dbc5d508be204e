package dev.tether.it.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The target of {@link CommittingServlet}'s asynchronous dispatch: it changes the same persistent bean once more,
 * then answers with the notes, or fails with a server error ({@code /fail}), which must leave nothing of the
 * request stored.
 */
@WebServlet(urlPatterns = "/servlet/dispatched/*", asyncSupported = true)
public class DispatchedServlet extends HttpServlet {

    @Inject
    Notes notes;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notes.add(request.getParameter("item") + " dispatched");
        if (request.getPathInfo().equals("/fail")) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        response.setContentType("text/plain");
        response.getWriter().write(String.join(",", notes.getItems()));
    }
}
