package dev.tether.it.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A plain Servlet using a persistent bean, as Faces pages or legacy servlets would. */
@WebServlet("/servlet/notes")
public class NotesServlet extends HttpServlet {

    @Inject
    Notes notes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(String.join(",", notes.getItems()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notes.add(request.getParameter("item"));
        response.setContentType("text/plain");
        response.getWriter().write(String.join(",", notes.getItems()));
    }
}
