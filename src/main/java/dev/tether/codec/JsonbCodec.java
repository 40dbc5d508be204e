package dev.tether.codec;

import java.nio.charset.StandardCharsets;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * JSON-B: readable in the database and tolerant of added or removed fields, at the price of seeing only what
 * JSON-B sees (public fields and getter/setter pairs, or what {@code @JsonbProperty} and friends expose).
 * No class name is ever read from the bytes, so there is nothing to allow-list.
 */
public final class JsonbCodec implements BeanCodec {

    public static final String NAME = "jsonb";

    private final Jsonb jsonb;

    public JsonbCodec() {
        this.jsonb = JsonbBuilder.create();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] encode(Object bean) {
        try {
            return jsonb.toJson(bean).getBytes(StandardCharsets.UTF_8);
        } catch (JsonbException e) {
            throw new UnwritableStateException(bean.getClass().getName() + " cannot be written as JSON: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public <T> T decode(byte[] bytes, Class<T> type) {
        try {
            return jsonb.fromJson(new String(bytes, StandardCharsets.UTF_8), type);
        } catch (JsonbException | ClassCastException e) {
            throw new UnreadableStateException(e.toString(), e);
        }
    }
}
