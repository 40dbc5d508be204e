package dev.tether.it.app.rolling;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;
import dev.tether.StoreAs;

/**
 * Version 1 of a bean stored as JSON-B. Version 2 removes {@code pageSize} and adds {@code language}, whose
 * constructor value is {@code en}: a compatible change for this codec.
 */
@PersistentSessionScoped
@StoreAs(StoreAs.Format.JSONB)
public class Preferences implements Serializable, NamedFields {

    private String theme = "light";
    private int pageSize = 20;

    @Override
    public void set(String field, String value) {
        switch (field) {
            case "theme" -> theme = value;
            case "pageSize" -> pageSize = Integer.parseInt(value);
            default -> throw new IllegalArgumentException("version 1 of Preferences has no field " + field);
        }
    }

    @Override
    public String describe() {
        return "theme=" + theme + " pageSize=" + pageSize;
    }
}
