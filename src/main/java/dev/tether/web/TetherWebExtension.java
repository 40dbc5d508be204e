package dev.tether.web;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import dev.tether.config.ConfigSource;
import dev.tether.config.TetherSettings;

/**
 * Adds the web beans that configuration asks for: {@link PersistentSessionAuthentication} with
 * {@code tether.authentication-mechanism=true}. Only then is a Jakarta Security class touched, so an
 * application without Jakarta Security is not affected.
 */
public class TetherWebExtension implements Extension {

    void addConfiguredBeans(@Observes BeforeBeanDiscovery event, BeanManager manager) {
        if (TetherSettings.installsAuthenticationMechanism(ConfigSource.detect())) {
            event.addAnnotatedType(manager.createAnnotatedType(PersistentSessionAuthentication.class),
                    "tether:" + PersistentSessionAuthentication.class.getName());
        }
    }
}
