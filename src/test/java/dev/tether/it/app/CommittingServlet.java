package dev.tether.it.app;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A plain Servlet that changes a persistent bean and then commits its response in one of the ways a Servlet can
 * (the path after {@code /servlet/commit/} says which), each of which must leave the change saved and the
 * cookie on the response. With {@code unsaveable} it also stores something that cannot be saved. The
 * {@code async-dispatch} paths hand the request on to {@link DispatchedServlet}.
 */
@WebServlet(urlPatterns = "/servlet/commit/*", asyncSupported = true)
public class CommittingServlet extends HttpServlet {

    @Inject
    Notes notes;
    @Inject
    Scrapbook scrapbook;
    @Inject
    HttpServletRequest containerRequest;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notes.add(request.getParameter("item"));
        if (request.getParameter("unsaveable") != null) {
            scrapbook.paste(new Object());
        }
        String items = String.join(",", notes.getItems());
        switch (request.getPathInfo()) {
            case "/redirect-with-status", "/redirect-keeping-buffer", "/redirect-with-status-keeping-buffer" -> {
                ServletContext servlets = request.getServletContext();
                response.setHeader("X-Servlet-Version", servlets.getMajorVersion() + "." + servlets.getMinorVersion());
                redirect61(response, request.getPathInfo().substring(1), request.getContextPath() + "/servlet/notes");
            }
            case "/reset" -> {
                response.setContentType("text/plain");
                response.getWriter().write("half a page");
                response.reset();
                response.setContentType("text/plain");
                response.getWriter().write("an error page after a reset");
            }
            case "/fail-after-first-byte" -> {
                response.setContentType("text/plain");
                response.getWriter().write("half a page");
                throw new IllegalStateException("the page failed half way");
            }
            case "/async-body" -> {
                AsyncContext async = request.startAsync();
                async.start(() -> {
                    try {
                        async.getResponse().setContentType("text/plain");
                        async.getResponse().getWriter().write(items);
                        async.getResponse().flushBuffer();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    async.complete();
                });
            }
            case "/async-no-body" -> {
                AsyncContext async = request.startAsync();
                async.start(() -> {
                    ((HttpServletResponse) async.getResponse()).setStatus(HttpServletResponse.SC_NO_CONTENT);
                    async.complete();
                });
            }
            case "/async-around-tether" -> {
                // the container's own request, as CDI injects it: on some servers its AsyncContext holds the
                // container's own response, whose first byte commits before Tether writes back
                AsyncContext async = containerRequest.startAsync();
                async.getResponse().setContentType("text/plain");
                async.getResponse().getWriter().write(items);
                async.getResponse().flushBuffer();
                async.complete();
            }
            case "/async-dispatch", "/async-dispatch-fails" -> {
                AsyncContext async = request.startAsync();
                String then = request.getPathInfo().endsWith("fails") ? "fail" : "succeed";
                async.start(() -> async.dispatch("/servlet/dispatched/" + then));
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /**
     * One of Servlet 6.1's redirects, as an application compiled against 6.1 calls it: with status 303, keeping the
     * buffer, or both. This class is compiled against 6.0, so it looks the method up; a 6.0 server has none, and
     * gets a plain redirect.
     */
    private static void redirect61(HttpServletResponse response, String kind, String location) throws IOException {
        Object[] arguments = switch (kind) {
            case "redirect-with-status" -> new Object[] {location, HttpServletResponse.SC_SEE_OTHER};
            case "redirect-keeping-buffer" -> new Object[] {location, false};
            default -> new Object[] {location, HttpServletResponse.SC_SEE_OTHER, false};
        };
        Class<?>[] types = Arrays.stream(arguments)
                .map(argument -> argument instanceof Integer ? int.class : argument instanceof Boolean ? boolean.class
                        : String.class)
                .toArray(Class<?>[]::new);
        Method redirect;
        try {
            redirect = HttpServletResponse.class.getMethod("sendRedirect", types);
        } catch (NoSuchMethodException servlet60) {
            response.sendRedirect(location);
            return;
        }
        try {
            redirect.invoke(response, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IOException(e.getCause());
        }
    }
}
