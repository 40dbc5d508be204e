package dev.tether.context;

import java.util.List;
import java.util.Optional;

import dev.tether.StoreAs;
import dev.tether.codec.BeanCodec;
import dev.tether.codec.ClassAllowList;
import dev.tether.codec.DeserializationLimits;
import dev.tether.codec.JavaSerializationCodec;
import dev.tether.codec.JsonbCodec;

/** The codecs of a deployment: which one writes a bean, and which one reads a stored row. */
final class BeanCodecs {

    private final StoreAs.Format defaultFormat;
    private final JavaSerializationCodec java;
    private volatile JsonbCodec jsonb;

    BeanCodecs(StoreAs.Format defaultFormat, BeanRegistry registry, List<String> allowed) {
        this.defaultFormat = defaultFormat;
        ClassAllowList allowList = ClassAllowList.of(
                registry.all().stream().<Class<?>>map(PersistentBean::stateType).toList(), allowed);
        this.java = new JavaSerializationCodec(allowList, DeserializationLimits.DEFAULT);
    }

    BeanCodec writerFor(PersistentBean bean) {
        StoreAs.Format format = bean.format() == null ? defaultFormat : bean.format();
        return format == StoreAs.Format.JSONB ? jsonb() : java;
    }

    Optional<BeanCodec> named(String name) {
        if (JavaSerializationCodec.NAME.equals(name)) {
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
