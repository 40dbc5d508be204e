package dev.tether.config;

import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** MicroProfile Config, touched only after the API is known to be loadable and implemented. */
final class MicroProfileConfigSource implements ConfigSource {

    private final Config config;

    private MicroProfileConfigSource(Config config) {
        this.config = config;
    }

    static Optional<ConfigSource> load() {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false,
                    MicroProfileConfigSource.class.getClassLoader());
            return Optional.of(new MicroProfileConfigSource(
                    ConfigProvider.getConfig(MicroProfileConfigSource.class.getClassLoader())));
        } catch (ClassNotFoundException | LinkageError | IllegalStateException noImplementation) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> get(String key) {
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank());
    }
}
