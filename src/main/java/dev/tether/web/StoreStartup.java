package dev.tether.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import dev.tether.context.SessionUnits;

/**
 * Starts the session store when the web module starts, where every server has bound the data sources the
 * application defines itself: a {@code tether.datasource} that names none fails the deployment here, with the fix
 * in its message, instead of the first request.
 */
@WebListener
public class StoreStartup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        CDI.current().select(SessionUnits.class).get().startStore();
    }
}
