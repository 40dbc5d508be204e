package dev.tether.codec.gadget;

import java.io.Serializable;

/** A stored bean's stand-in that holds whatever an attacker put in it. */
public class Box implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Object content;

    public Box(Object content) {
        this.content = content;
    }

    public Object content() {
        return content;
    }
}
