package dev.tether.it.app.rolling;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;
import dev.tether.StoreAs;

/** Version 2: {@code marks} is an {@code int}. */
@PersistentSessionScoped
@StoreAs(StoreAs.Format.JSONB)
public class Score implements Serializable, NamedFields {

    private int marks;

    @Override
    public void set(String field, String value) {
        if (!field.equals("marks")) {
            throw new IllegalArgumentException("Score has no field " + field);
        }
        marks = Integer.parseInt(value);
    }

    @Override
    public String describe() {
        return "marks=" + marks;
    }
}
