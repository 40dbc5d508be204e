package dev.tether.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that writes the unit of work back just before it commits: before the first byte of the body,
 * a flush, an error or a redirect. When the write fails, the response becomes that failure instead (409 or
 * 503) and whatever the application writes afterwards is dropped: a client never sees a success whose data
 * was lost. The headers the write-back added (a new cookie, {@code Cache-Control}) survive a later
 * {@link #reset()}: the database already holds what they announce.
 */
final class WriteBackResponse extends HttpServletResponseWrapper {

    private static final Logger LOG = Logger.getLogger(WriteBackResponse.class.getName());

    private final RequestUnit unit;
    private boolean failed;
    private ServletOutputStream stream;
    private PrintWriter writer;
    private final List<Header> writtenBackHeaders = new ArrayList<>();

    WriteBackResponse(HttpServletResponse response, RequestUnit unit) {
        super(response);
        this.unit = unit;
    }

    /** Writes back if nothing did yet; a failure turns the response into an error if it is not committed. */
    void writeBackNow() {
        if (unit.isClosed()) {
            return;
        }
        try {
            unit.writeBack(getStatus(), isCommitted(), this::addWrittenBackHeader);
        } catch (RuntimeException failure) {
            if (isCommitted()) {
                LOG.log(Level.SEVERE, "Tether: a committed response's session changes were not saved", failure);
            } else {
                fail(failure);
            }
        }
    }

    private void addWrittenBackHeader(String name, String value) {
        writtenBackHeaders.add(new Header(name, value));
        addHeader(name, value);
    }

    /** Puts back each header the write-back added that a reset removed. */
    private void restoreWrittenBackHeaders() {
        for (Header header : writtenBackHeaders) {
            if (!getHeaders(header.name()).contains(header.value())) {
                addHeader(header.name(), header.value());
            }
        }
    }

    /**
     * An exception escaped the application after the write-back handed out a new ID or expired the client's.
     * The container's error page would reset the response and drop that cookie (WildFly does), leaving the
     * client with an ID the database no longer knows: so the exception is logged here and the response becomes
     * a 500 through {@code sendError}, which keeps cookies and still shows the application's error page for 500.
     *
     * @return whether it did; if not, the exception is the container's to handle as usual
     */
    boolean failKeepingTheWrittenBackHeaders(HttpServletRequest request, Exception failure) throws IOException {
        if (writtenBackHeaders.isEmpty() || isCommitted()) {
            return false;
        }
        LOG.log(Level.SEVERE, "Tether: the request failed after its session was written back; it is answered 500 "
                + "with the session's new cookie", failure);
        // what the container would tell its error page, so the application's page for 500 can show or log it
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE, failure.getClass());
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, failure.getMessage());
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, SC_INTERNAL_SERVER_ERROR);
        reset();
        super.sendError(SC_INTERNAL_SERVER_ERROR);
        return true;
    }

    void fail(RuntimeException failure) {
        failed = true;
        Problem problem = Problem.of(failure);
        HttpServletResponse response = (HttpServletResponse) getResponse();
        // through this wrapper: a reset keeps the headers an earlier write-back added (a new ID's cookie)
        reset();
        response.setStatus(problem.status());
        if (problem.retryable()) {
            response.setHeader("Retry-After", Problem.RETRY_AFTER_SECONDS);
        }
        response.setContentType(Problem.MEDIA_TYPE);
        try {
            byte[] body = problem.json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Tether: could not write the problem body", e);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new GuardedStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new GuardedWriter(super.getWriter()));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        writeBackNow();
        if (!failed) {
            super.flushBuffer();
        }
    }

    @Override
    public void reset() {
        super.reset();
        restoreWrittenBackHeaders();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        restoreWrittenBackHeaders();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        setStatus(status);
        writeBackNow();
        if (!failed) {
            super.sendError(status, message);
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        setStatus(SC_FOUND);
        writeBackNow();
        if (!failed) {
            super.sendRedirect(location);
        }
    }

    /**
     * Servlet 6.1's redirect with a status. Tether compiles against Servlet 6.0, where the method does not
     * exist: declared here with the same signature, it overrides the wrapper's on a 6.1 runtime, which would
     * otherwise pass the redirect straight to the container and commit the response before the write-back.
     */
    public void sendRedirect(String location, int status) throws IOException {
        sendRedirect(location, status, true);
    }

    /** Servlet 6.1's redirect with a choice to keep the buffer; see {@link #sendRedirect(String, int)}. */
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        sendRedirect(location, SC_FOUND, clearBuffer);
    }

    /** Servlet 6.1's redirect with a status and a choice to keep the buffer; see {@link #sendRedirect(String, int)}. */
    public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
        setStatus(status);
        writeBackNow();
        if (!failed) {
            containerRedirect(getResponse(), location, status, clearBuffer);
        }
    }

    /** Calls Servlet 6.1's {@code sendRedirect(String, int, boolean)}, which only a 6.1 runtime asks Tether for. */
    private static void containerRedirect(ServletResponse response, String location, int status, boolean clearBuffer)
            throws IOException {
        MethodHandle redirect;
        try {
            redirect = MethodHandles.publicLookup().findVirtual(HttpServletResponse.class, "sendRedirect",
                    MethodType.methodType(void.class, String.class, int.class, boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new UnsupportedOperationException("sendRedirect(String, int, boolean) needs Servlet 6.1", e);
        }
        try {
            redirect.invoke((HttpServletResponse) response, location, status, clearBuffer);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private final class GuardedStream extends ServletOutputStream {

        private final ServletOutputStream target;

        GuardedStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            writeBackNow();
            if (!failed) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            writeBackNow();
            if (!failed) {
                target.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            writeBackNow();
            if (!failed) {
                target.flush();
            }
        }

        @Override
        public void close() throws IOException {
            writeBackNow();
            if (!failed) {
                target.close();
            }
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }

    private final class GuardedWriter extends Writer {

        private final PrintWriter target;

        GuardedWriter(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            writeBackNow();
            if (!failed) {
                target.write(chars, offset, length);
            }
        }

        @Override
        public void flush() {
            writeBackNow();
            if (!failed) {
                target.flush();
            }
        }

        @Override
        public void close() {
            writeBackNow();
            if (!failed) {
                target.close();
            }
        }
    }

    /** A header the write-back added. */
    private record Header(String name, String value) {
    }
}
