package dev.tether.it.app.rolling;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;

/**
 * Version 1 of a bean stored by Java serialization with a fixed {@code serialVersionUID}. Version 2 declares
 * {@code level} as an {@code int}: a change of a field's type, which no version reads from the other.
 */
@PersistentSessionScoped
public class Badge implements Serializable, NamedFields {

    private static final long serialVersionUID = 1L;

    private String level;

    @Override
    public void set(String field, String value) {
        if (!field.equals("level")) {
            throw new IllegalArgumentException("Badge has no field " + field);
        }
        level = value;
    }

    @Override
    public String describe() {
        return "level=" + level;
    }
}
