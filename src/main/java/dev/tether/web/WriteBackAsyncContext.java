package dev.tether.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The container's {@link AsyncContext}, except that {@link #complete()} writes the unit of work back before the
 * response can commit: an asynchronous request that writes no body would otherwise commit at its completion, before
 * the write-back could add its cookie or report a failure. A dispatch within the application writes nothing yet:
 * Tether's filter continues the unit in the dispatched target, which may still change beans or fail. A dispatch to
 * another application, which that filter does not see, writes back first.
 */
final class WriteBackAsyncContext implements AsyncContext {

    private final AsyncContext container;
    private final WriteBackResponse response;

    WriteBackAsyncContext(AsyncContext container, WriteBackResponse response) {
        this.container = container;
        this.response = response;
    }

    AsyncContext container() {
        return container;
    }

    @Override
    public void complete() {
        response.writeBackNow();
        container.complete();
    }

    @Override
    public void dispatch() {
        container.dispatch();
    }

    @Override
    public void dispatch(String path) {
        container.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        if (context != container.getRequest().getServletContext()) {
            response.writeBackNow();
        }
        container.dispatch(context, path);
    }

    @Override
    public ServletRequest getRequest() {
        return container.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
        return container.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return container.hasOriginalRequestAndResponse();
    }

    @Override
    public void start(Runnable run) {
        container.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        container.addListener(listener);
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        container.addListener(listener, request, response);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
        return container.createListener(type);
    }

    @Override
    public void setTimeout(long timeout) {
        container.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
        return container.getTimeout();
    }
}
