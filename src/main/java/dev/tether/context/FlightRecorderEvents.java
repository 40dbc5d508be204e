package dev.tether.context;

import java.time.Duration;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

import dev.tether.spi.StoredBean;
import dev.tether.spi.StoredSession;

/**
 * Tether's JDK Flight Recorder events, category "Tether". Kept apart from {@link SessionMetrics}, and used only
 * when {@link #AVAILABLE}: a server may hide the {@code jdk.jfr} module from its applications, and then only this
 * class is left unloaded.
 */
final class FlightRecorderEvents {

    static final boolean AVAILABLE = jfrVisible();

    private FlightRecorderEvents() {
    }

    private static boolean jfrVisible() {
        try {
            Class.forName("jdk.jfr.Event", false, FlightRecorderEvents.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError hidden) {
            return false;
        }
    }

    static Object beginLoad() {
        LoadEvent event = new LoadEvent();
        event.begin();
        return event;
    }

    /** @param session what the load found, or {@code null}; its sizes are summed only for a recorded event */
    static void endLoad(Object begun, StoredSession session, boolean serialized, String outcome) {
        LoadEvent event = (LoadEvent) begun;
        event.end();
        if (event.shouldCommit()) {
            event.found = session != null;
            event.beans = session == null ? 0 : session.beans().size();
            event.bytes = session == null ? 0 : session.beans().values().stream().map(StoredBean::state)
                    .mapToLong(state -> state == null ? 0 : state.length).sum();
            event.serialized = serialized;
            event.outcome = outcome;
            event.commit();
        }
    }

    static Object beginWrite() {
        WriteEvent event = new WriteEvent();
        event.begin();
        return event;
    }

    static void endWrite(Object begun, boolean created, int beansWritten, int beansDeleted, long bytes,
                         String outcome) {
        WriteEvent event = (WriteEvent) begun;
        event.end();
        if (event.shouldCommit()) {
            event.created = created;
            event.beansWritten = beansWritten;
            event.beansDeleted = beansDeleted;
            event.bytes = bytes;
            event.outcome = outcome;
            event.commit();
        }
    }

    static void purged(int sessions, int batches, Duration took) {
        PurgeEvent event = new PurgeEvent();
        if (event.shouldCommit()) {
            event.sessions = sessions;
            event.batches = batches;
            event.took = took.toNanos();
            event.commit();
        }
    }

    @Name("dev.tether.SessionLoad")
    @Label("Session Load")
    @Category("Tether")
    @Description("A unit of work looked its session up in the store")
    static final class LoadEvent extends Event {
        @Label("Found")
        boolean found;
        @Label("Beans")
        int beans;
        @Label("Stored Bytes")
        @DataAmount
        long bytes;
        @Label("Serialized")
        @Description("Under the serialize policy: the duration includes the wait for the session's turn")
        boolean serialized;
        @Label("Outcome")
        String outcome;
    }

    @Name("dev.tether.SessionWrite")
    @Label("Session Write-back")
    @Category("Tether")
    @Description("A unit of work wrote its changes to the store")
    static final class WriteEvent extends Event {
        @Label("New Session")
        boolean created;
        @Label("Beans Written")
        int beansWritten;
        @Label("Beans Deleted")
        int beansDeleted;
        @Label("Bytes Written")
        @DataAmount
        long bytes;
        @Label("Outcome")
        String outcome;
    }

    @Name("dev.tether.SessionPurge")
    @Label("Session Purge")
    @Category("Tether")
    @Description("A purge of expired sessions on this node")
    static final class PurgeEvent extends Event {
        @Label("Sessions")
        int sessions;
        @Label("Batches")
        int batches;
        @Label("Took")
        @Timespan
        long took;
    }
}
