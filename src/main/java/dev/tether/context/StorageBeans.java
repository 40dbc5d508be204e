package dev.tether.context;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * What the application brings Tether as {@code @SessionStorage} beans (a data source, a clock, a store, codecs),
 * found by the extension at deployment and asked for by reference.
 */
final class StorageBeans {

    private final TetherExtension extension;
    private final BeanManager manager;

    StorageBeans(TetherExtension extension, BeanManager manager) {
        this.extension = extension;
        this.manager = manager;
    }

    <T> Optional<T> first(Class<T> type) {
        return extension.storageBeans(type).stream().findFirst().map(bean -> reference(bean, type));
    }

    <T> List<T> all(Class<T> type) {
        return extension.storageBeans(type).stream().map(bean -> reference(bean, type)).toList();
    }

    private <T> T reference(Bean<?> bean, Class<T> type) {
        return type.cast(manager.getReference(bean, type, manager.createCreationalContext(bean)));
    }
}
