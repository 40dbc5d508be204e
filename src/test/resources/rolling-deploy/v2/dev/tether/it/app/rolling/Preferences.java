package dev.tether.it.app.rolling;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;
import dev.tether.StoreAs;

/** Version 2: {@code pageSize} removed, {@code language} added. */
@PersistentSessionScoped
@StoreAs(StoreAs.Format.JSONB)
public class Preferences implements Serializable, NamedFields {

    private String theme = "light";
    private String language = "en";

    @Override
    public void set(String field, String value) {
        switch (field) {
            case "theme" -> theme = value;
            case "language" -> language = value;
            default -> throw new IllegalArgumentException("version 2 of Preferences has no field " + field);
        }
    }

    @Override
    public String describe() {
        return "theme=" + theme + " language=" + language;
    }
}
