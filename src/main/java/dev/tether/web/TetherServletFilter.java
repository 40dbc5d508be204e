package dev.tether.web;

import java.io.IOException;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tether.TetherException;
import dev.tether.context.SessionUnits;

/**
 * The HTTP boundary for every request of the application, JAX-RS and Faces included: opens the request's unit
 * of work (nothing is loaded yet), and makes sure it is written back before the first byte of the body leaves,
 * so a failed write can still change the status and the client's next request sees this one's changes. An
 * asynchronous dispatch of the request continues the same unit: the dispatched target uses the same beans, and
 * its response (or its failure) decides what is written, as a synchronous request's does.
 */
@WebFilter(filterName = "tether", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class TetherServletFilter extends HttpFilter {

    private SessionUnits units;
    private SessionIdTransport transport;

    @Override
    public void init() {
        units = CDI.current().select(SessionUnits.class).get();
        transport = new SessionIdTransport(units.settings().cookie(), units.settings().headerName());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestUnit unit = RequestUnit.of(request);
        if (unit == null) {
            unit = RequestUnit.open(units, transport, request);
            run(unit, new WriteBackResponse(response, unit), request, response, chain);
        } else if (request.getDispatcherType() == DispatcherType.ASYNC && !unit.isClosed()) {
            unit.bindToThread();
            // the response of a dispatch is the one the AsyncContext was started with: most often Tether's own
            WriteBackResponse guarded = response instanceof WriteBackResponse own ? own
                    : new WriteBackResponse(response, unit);
            run(unit, guarded, request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Runs the rest of the chain in the unit, and writes it back when the chain is done, unless still async. */
    private static void run(RequestUnit unit, WriteBackResponse guarded, HttpServletRequest request,
                            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(new AsyncWriteBackRequest(request, guarded), guarded);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new WriteBackOnCompletion(guarded, unit));
            } else {
                guarded.writeBackNow();
            }
        } catch (TetherException failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            guarded.fail(failure);
        } catch (ServletException | RuntimeException failure) {
            // an IOException (most often the client gone) stays the container's
            if (!guarded.failKeepingTheWrittenBackHeaders(request, failure)) {
                throw failure;
            }
        } finally {
            if (!request.isAsyncStarted()) {
                unit.abandonIfOpen();
                unit.warnAboutChangesAfterWriteBack();
            }
            unit.unbindFromThread();
        }
    }

    /**
     * The last resort of an asynchronous request: its first byte or {@code complete()} wrote it back before the
     * response committed (a dispatch continues through this filter), unless the application went around the
     * request Tether handed it.
     * Then its changes are written late (and a failure is logged); a request that timed out or failed writes
     * nothing.
     */
    private record WriteBackOnCompletion(WriteBackResponse response, RequestUnit unit) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            response.writeBackNow();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            unit.abandonIfOpen();
        }

        @Override
        public void onError(AsyncEvent event) {
            unit.abandonIfOpen();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
