package dev.tether.it.app;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import dev.tether.PersistentSessionScoped;

/** The README's Quick start cart, as written there. */
@PersistentSessionScoped
public class Cart implements Serializable {

    private final List<String> items = new ArrayList<>();

    public void add(String item) {
        items.add(item);
    }

    public List<String> getItems() {
        return items;
    }
}
