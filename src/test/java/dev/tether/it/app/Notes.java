package dev.tether.it.app;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import dev.tether.PersistentSessionScoped;

/** A persistent bean with JavaBean properties, so JAX-RS can return it as JSON. */
@PersistentSessionScoped
public class Notes implements Serializable {

    private String title = "untitled";
    private final List<String> items = new ArrayList<>();

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public List<String> getItems() {
        return items;
    }

    public void add(String item) {
        items.add(item);
    }
}
