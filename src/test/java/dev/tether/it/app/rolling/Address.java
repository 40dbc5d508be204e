package dev.tether.it.app.rolling;

import java.io.Serializable;

/** What version 1's {@link Profile} holds in the field version 2 removed; version 2 has no such class. */
public class Address implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String city;

    public Address(String city) {
        this.city = city;
    }

    public String city() {
        return city;
    }
}
