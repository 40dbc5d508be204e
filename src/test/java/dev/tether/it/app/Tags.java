package dev.tether.it.app;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.tether.PersistentSessionScoped;

/** A persistent bean whose bytes differ after every load though nothing in it changed. */
@PersistentSessionScoped
public class Tags implements Serializable {

    private final Set<Tag> tags = new HashSet<>();

    public void add(String name) {
        tags.add(new Tag(name));
    }

    public List<String> names() {
        return tags.stream().map(Tag::name).sorted().toList();
    }
}
