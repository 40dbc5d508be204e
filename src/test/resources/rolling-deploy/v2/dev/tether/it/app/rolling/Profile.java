package dev.tether.it.app.rolling;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;

/** Version 2: {@code address} removed, {@code contact} added, the same {@code serialVersionUID}. */
@PersistentSessionScoped
public class Profile implements Serializable, NamedFields {

    private static final long serialVersionUID = 1L;

    private String name;
    private Contact contact = new Contact("none");

    @Override
    public void set(String field, String value) {
        switch (field) {
            case "name" -> name = value;
            case "email" -> contact = new Contact(value);
            default -> throw new IllegalArgumentException("version 2 of Profile has no field " + field);
        }
    }

    @Override
    public String describe() {
        return "name=" + name + " email=" + (contact == null ? null : contact.email());
    }
}
