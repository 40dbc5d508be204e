package dev.tether.support;

import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tether settings as system properties for one test class: set before its containers start, cleared after.
 * Register with {@code @RegisterExtension static SystemSettings settings = new SystemSettings(Map.of(...))}.
 */
public final class SystemSettings implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> values;

    public SystemSettings(Map<String, String> values) {
        this.values = values;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        values.forEach(System::setProperty);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        values.keySet().forEach(System::clearProperty);
    }
}
