package dev.tether.it.app.rolling;

import java.io.Serializable;

import dev.tether.PersistentSessionScoped;

/**
 * Version 1 of a bean stored by Java serialization with a fixed {@code serialVersionUID}. Version 2 removes
 * {@code address} and adds {@code contact}, each of a class the other version does not have: a compatible change
 * for this codec.
 */
@PersistentSessionScoped
public class Profile implements Serializable, NamedFields {

    private static final long serialVersionUID = 1L;

    private String name;
    private Address address;

    @Override
    public void set(String field, String value) {
        switch (field) {
            case "name" -> name = value;
            case "city" -> address = new Address(value);
            default -> throw new IllegalArgumentException("version 1 of Profile has no field " + field);
        }
    }

    @Override
    public String describe() {
        return "name=" + name + " city=" + (address == null ? null : address.city());
    }
}
