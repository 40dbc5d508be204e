package dev.tether.it.app;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * How many live instances of a class, by name, the server's JVM holds after a full collection, across every class
 * loader (each deployment loads its own copy of a class of its WEB-INF/lib). The JVM's own class histogram does
 * the counting; it collects the heap first.
 */
@Path("copies")
public class LoadedCopiesResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public long liveInstances(@QueryParam("of") String className) throws JMException {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        long instances = 0;
        for (String line : histogram.split("\n")) {
            // "  42:             1             24  dev.tether.context.TetherExtension"
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[3].equals(className)) {
                instances += Long.parseLong(columns[1]);
            }
        }
        return instances;
    }
}
