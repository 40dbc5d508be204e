package dev.tether.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that writes the unit of work back just before it commits: before the first byte of the body,
 * a flush, an error or a redirect. When the write fails, the response becomes that failure instead (409 or
 * 503) and whatever the application writes afterwards is dropped: a client never sees a success whose data
 * was lost.
 */
final class WriteBackResponse extends HttpServletResponseWrapper {

    private static final Logger LOG = Logger.getLogger(WriteBackResponse.class.getName());

    private final RequestUnit unit;
    private boolean failed;
    private ServletOutputStream stream;
    private PrintWriter writer;

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
            unit.writeBack(getStatus(), this::addHeader);
        } catch (RuntimeException failure) {
            if (isCommitted()) {
                LOG.log(Level.SEVERE, "Tether: a committed response's session changes were not saved", failure);
            } else {
                fail(failure);
            }
        }
    }

    void fail(RuntimeException failure) {
        failed = true;
        Problem problem = Problem.of(failure);
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.reset();
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
}
