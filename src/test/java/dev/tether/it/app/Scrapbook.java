package dev.tether.it.app;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import dev.tether.PersistentSessionScoped;

/** A persistent bean that can be given something that does not serialize, so that its write-back fails. */
@PersistentSessionScoped
public class Scrapbook implements Serializable {

    private final List<Object> clippings = new ArrayList<>();

    public void paste(Object clipping) {
        clippings.add(clipping);
    }
}
