package dev.tether.it.app;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.tether.PersistentSessionScoped;

/** A nested object, a map and an enum, in private fields without accessors. */
@PersistentSessionScoped
public class Itinerary implements Serializable {

    public enum Mode { TRAIN, BIKE }

    /** A nested object with private fields and no accessors. */
    public static class Stop implements Serializable {
        private String town;
        private int nights;

        public Stop() {
        }

        Stop(String town, int nights) {
            this.town = town;
            this.nights = nights;
        }
    }

    private Stop last;
    private Map<String, Integer> nights = new LinkedHashMap<>();
    private Mode mode = Mode.TRAIN;

    public void add(String town, int nightsThere, Mode how) {
        last = new Stop(town, nightsThere);
        nights.merge(town, nightsThere, Integer::sum);
        mode = how;
    }

    /** The map as a declared {@code Map}: JSON-B reads it back as a {@code HashMap}, so it is shown sorted. */
    public String describe() {
        return (last == null ? "nowhere" : last.town + " x" + last.nights) + " " + new TreeMap<>(nights) + " " + mode;
    }
}
