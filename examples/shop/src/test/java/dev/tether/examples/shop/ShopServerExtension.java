package dev.tether.examples.shop;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a {@link ShopServer}: one server for the whole test run (each start costs seconds), started on
 * first use and stopped when the run ends, whatever happened in between.
 */
final class ShopServerExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ShopServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(ShopServerExtension.class))
                .getOrComputeIfAbsent(RunningServer.class, key -> RunningServer.start(), RunningServer.class)
                .server();
    }

    /** Stopped by JUnit when the root context closes, and by the JVM if it exits before that. */
    private record RunningServer(ShopServer server, Thread shutdownHook) implements AutoCloseable {

        static RunningServer start() {
            ShopServer server = ShopServer.fromBuild();
            Thread hook = new Thread(server::stop, "stop-shop-server");
            Runtime.getRuntime().addShutdownHook(hook);
            server.startFresh();
            return new RunningServer(server, hook);
        }

        @Override
        public void close() {
            server.stop();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
    }
}
