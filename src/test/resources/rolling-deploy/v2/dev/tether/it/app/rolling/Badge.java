package dev.tether.it.app.rolling;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;

/** Version 2: {@code level} is an {@code int}, under the same {@code serialVersionUID}. */
@PersistentSessionScoped
public class Badge implements Serializable, NamedFields {

    private static final long serialVersionUID = 1L;

    private int level;

    @Override
    public void set(String field, String value) {
        if (!field.equals("level")) {
            throw new IllegalArgumentException("Badge has no field " + field);
        }
        level = Integer.parseInt(value);
    }

    @Override
    public String describe() {
        return "level=" + level;
    }
}
