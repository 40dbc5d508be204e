package dev.tether.it.app.rolling;

import java.io.Serializable;

/** What version 2's {@link Profile} holds in the field it added; version 1 has no such class. */
public class Contact implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String email;

    public Contact(String email) {
        this.email = email;
    }

    public String email() {
        return email;
    }
}
