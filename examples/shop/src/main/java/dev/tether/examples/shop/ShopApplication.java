package dev.tether.examples.shop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The shop's JSON API under {@code /api}. It lists no classes, so the server discovers the resources here and
 * Tether's filters in its jar; nothing about sessions is configured in the application.
 */
@ApplicationPath("api")
public class ShopApplication extends Application {
}
