package dev.tether.config;

import java.util.Optional;

/** Where raw setting values come from: MicroProfile Config when the runtime has it, system properties otherwise. */
@FunctionalInterface
public interface ConfigSource {

    Optional<String> get(String key);

    static ConfigSource detect() {
        return MicroProfileConfigSource.load().orElse(key -> Optional.ofNullable(System.getProperty(key)));
    }
}
