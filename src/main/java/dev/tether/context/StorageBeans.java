package dev.tether.context;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.spi.CreationalContext;
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

    /**
     * Asks each bean of a type a question at deployment, and lets go of what that created: a {@code @Dependent}
     * bean is destroyed again (its {@code @PreDestroy} runs), rather than left to a creational context nobody ends.
     */
    <T, R> List<R> ask(Class<T> type, Function<T, R> question) {
        return extension.storageBeans(type).stream().map(bean -> {
            CreationalContext<?> context = manager.createCreationalContext(bean);
            try {
                return question.apply(type.cast(manager.getReference(bean, type, context)));
            } finally {
                context.release();
            }
        }).toList();
    }

    private <T> T reference(Bean<?> bean, Class<T> type) {
        return type.cast(manager.getReference(bean, type, manager.createCreationalContext(bean)));
    }
}
