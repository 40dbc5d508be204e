package dev.tether.context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tether.StoreAs;
import dev.tether.spi.BeanCodec;
import dev.tether.codec.ClassAllowList;
import dev.tether.codec.DeserializationLimits;
import dev.tether.codec.JavaSerializationCodec;
import dev.tether.codec.JsonbCodec;

/** The codecs of a deployment: which one writes a bean, and which one reads a stored row. */
final class BeanCodecs {

    private final StoreAs.Format defaultFormat;
    private final JavaSerializationCodec java;
    private final Map<String, BeanCodec> own = new HashMap<>();
    private volatile JsonbCodec jsonb;

    /**
     * @param ownCodecs the application's {@code @SessionStorage BeanCodec} beans: each replaces the built-in
     *                  codec of its {@link BeanCodec#name() name}, {@code java} or {@code jsonb}
     */
    BeanCodecs(StoreAs.Format defaultFormat, BeanRegistry registry, List<String> allowed, List<BeanCodec> ownCodecs) {
        this.defaultFormat = defaultFormat;
        ClassAllowList allowList = ClassAllowList.of(
                registry.all().stream().<Class<?>>map(PersistentBean::stateType).toList(), allowed);
        this.java = new JavaSerializationCodec(allowList, DeserializationLimits.DEFAULT);
        for (BeanCodec own : ownCodecs) {
            if (!JavaSerializationCodec.NAME.equals(own.name()) && !JsonbCodec.NAME.equals(own.name())) {
                throw new IllegalStateException("Tether: the application's codec " + own.getClass().getName()
                        + " is named '" + own.name() + "'; a @SessionStorage BeanCodec replaces a built-in codec "
                        + "and must be named '" + JavaSerializationCodec.NAME + "' or '" + JsonbCodec.NAME + "'");
            }
            this.own.put(own.name(), own);
        }
    }

    BeanCodec writerFor(PersistentBean bean) {
        StoreAs.Format format = bean.format() == null ? defaultFormat : bean.format();
        return format == StoreAs.Format.JSONB ? named(JsonbCodec.NAME).orElseThrow()
                : named(JavaSerializationCodec.NAME).orElseThrow();
    }

    /**
     * The codec that reads a stored row of the bean: only the bean's own, whatever the row's {@code codec} column
     * says, so a bean declared JSON-B is never Java-deserialized from a row that claims otherwise.
     */
    Optional<BeanCodec> readerFor(PersistentBean bean, String storedCodec) {
        BeanCodec own = writerFor(bean);
        return own.name().equals(storedCodec) ? Optional.of(own) : Optional.empty();
    }

    private Optional<BeanCodec> named(String name) {
        BeanCodec own = this.own.get(name);
        if (own != null) {
            return Optional.of(own);
        } else if (JavaSerializationCodec.NAME.equals(name)) {
            return Optional.of(java);
        } else if (JsonbCodec.NAME.equals(name)) {
            return Optional.of(jsonb());
        }
        return Optional.empty();
    }

    /** Created on first use: an application that never stores JSON needs no JSON-B provider. */
    private JsonbCodec jsonb() {
        JsonbCodec codec = jsonb;
        if (codec == null) {
            synchronized (this) {
                if (jsonb == null) {
                    jsonb = new JsonbCodec();
                }
                codec = jsonb;
            }
        }
        return codec;
    }
}
