package dev.tether.it.app.rolling;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import dev.tether.PersistentSessionScoped;
import dev.tether.StoreAs;

/**
 * Version 1 of a bean stored as JSON-B. Version 2 declares {@code marks} as an {@code int}: a change of a field's
 * type whose stored JSON (an array, a number) neither version reads as its own.
 */
@PersistentSessionScoped
@StoreAs(StoreAs.Format.JSONB)
public class Score implements Serializable, NamedFields {

    private final List<String> marks = new ArrayList<>();

    @Override
    public void set(String field, String value) {
        if (!field.equals("marks")) {
            throw new IllegalArgumentException("Score has no field " + field);
        }
        marks.add(value);
    }

    @Override
    public String describe() {
        return "marks=" + marks;
    }
}
