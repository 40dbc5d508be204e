package dev.tether.it.app;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.tether.PersistentSessions;
import dev.tether.SessionStatistics;

/** This deployment's {@link SessionStatistics}, and whether the server lets it see JDK Flight Recorder. */
@Path("statistics")
public class StatisticsResource {

    @Inject
    PersistentSessions sessions;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> figures() {
        SessionStatistics figures = sessions.statistics();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("loads", figures.loads());
        json.put("sessionsLoaded", figures.sessionsLoaded());
        json.put("sessionsCreated", figures.sessionsCreated());
        json.put("sessionsWritten", figures.sessionsWritten());
        json.put("beansDecoded", figures.beansDecoded());
        json.put("beansWritten", figures.beansWritten());
        json.put("flightRecorderVisible", flightRecorderVisible());
        return json;
    }

    private static boolean flightRecorderVisible() {
        try {
            Class.forName("jdk.jfr.Event", false, StatisticsResource.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError hidden) {
            return false;
        }
    }
}
