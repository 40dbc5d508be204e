package dev.tether.bench.jmh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import dev.tether.PersistentSessionScoped;

/**
 * A persistent bean whose serialized size the benchmark sets: a list of small notes, an object graph as an
 * application would keep (a cart, a form in progress), not one byte array that serializes as a block.
 */
@PersistentSessionScoped
public class Notebook implements Serializable {

    /** One entry: a short text and two numbers. */
    public record Note(String text, long at, int quantity) implements Serializable {
    }

    private final List<Note> notes = new ArrayList<>();
    private long edits;

    /** Adds notes until the Java-serialized bean is at least {@code bytes} long. */
    public void fillTo(int bytes) {
        while (serializedSize(this) < bytes) {
            for (int i = 0; i < 10; i++) {
                notes.add(new Note("note number " + notes.size() + " of the benchmark", notes.size(), i));
            }
        }
    }

    /** A small change anywhere in the state: the whole bean is written again. */
    public long edit() {
        return ++edits;
    }

    public int size() {
        return notes.size();
    }

    static int serializedSize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }
}
