package dev.tether.bench.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

import jakarta.inject.Inject;

import dev.tether.PersistentSessions;
import dev.tether.PurgeResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Puts Tether's tables at a given size for the scale runs, and runs its purge for the purge rate, by inserting rows straight with SQL: a live
 * session row and one bean row (a copy of a real bean's key and bytes) per filler session. Filler keys are
 * sequential, as a bulk load makes them (a million random keys take minutes to insert on H2); the sessions under
 * load have real, random ones. Not counted in the statement counts; the bench calls it between runs only.
 */
@Path("admin/tether")
@Produces(MediaType.TEXT_PLAIN)
public class TetherRowsResource {

    private static final int CHUNK = 50_000;
    private static final long LIFETIME = Duration.ofDays(7).toMillis();
    private static final String SESSIONS = "INSERT INTO tether_session (session_pk, id_hash, created_at, "
            + "last_accessed_at, expires_at, idle_timeout_ms, absolute_expires_at) "
            + "SELECT CONCAT('fill-', %1$s), CONCAT('f', LPAD(CAST(X AS VARCHAR(20)), 63, '0')), ?, ?, ?, ?, ? FROM %2$s";
    private static final String BEANS = "INSERT INTO tether_bean (session_pk, bean_key, codec, state_bytes, state_version) "
            + "SELECT CONCAT('fill-', %1$s), ?, ?, ?, 1 FROM %2$s";
    private static final String PADDED = "LPAD(CAST(X AS VARCHAR(20)), 15, '0')";

    @Inject
    BenchStorage storage;

    @Inject
    PersistentSessions sessions;

    @GET
    @Path("sessions")
    public String sessions() throws SQLException {
        try (Connection connection = storage.uncounted().getConnection()) {
            return Long.toString(count(connection));
        }
    }

    @POST
    @Path("reset")
    public String reset() throws SQLException {
        try (Connection connection = storage.uncounted().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM tether_bean");
            statement.executeUpdate("DELETE FROM tether_session");
            return "0";
        }
    }

    /** Adds live filler sessions until there are {@code total}; the bean rows copy the first stored bean. */
    @POST
    @Path("fill")
    public String fill(@QueryParam("total") long total) throws SQLException {
        try (Connection connection = storage.uncounted().getConnection()) {
            long now = System.currentTimeMillis();
            insert(connection, count(connection) + 1, total, now + LIFETIME);
            return Long.toString(count(connection));
        }
    }

    /** Adds {@code count} sessions that expired a minute ago, for the purge to delete. */
    @POST
    @Path("fill-expired")
    public String fillExpired(@QueryParam("count") long count) throws SQLException {
        try (Connection connection = storage.uncounted().getConnection()) {
            long from = count(connection) + 1;
            insert(connection, from, from + count - 1, System.currentTimeMillis() - 60_000);
            return Long.toString(count(connection));
        }
    }

    /** Runs Tether's purge now: "sessions batches milliseconds". */
    @POST
    @Path("purge")
    public String purge() {
        PurgeResult result = sessions.purgeExpired();
        return result.sessions() + " " + result.batches() + " " + result.took().toMillis();
    }

    private void insert(Connection connection, long first, long last, long expiresAt) throws SQLException {
        boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        String range = h2 ? "SYSTEM_RANGE(CAST(? AS BIGINT), CAST(? AS BIGINT))"
                : "generate_series(CAST(? AS BIGINT), CAST(? AS BIGINT)) AS g(x)";
        Template bean = template(connection);
        long created = Math.min(System.currentTimeMillis(), expiresAt - 1);
        for (long from = first; from <= last; from += CHUNK) {
            long to = Math.min(last, from + CHUNK - 1);
            try (PreparedStatement sessionRows = connection.prepareStatement(SESSIONS.formatted(PADDED, range));
                 PreparedStatement beanRows = connection.prepareStatement(BEANS.formatted(PADDED, range))) {
                sessionRows.setLong(1, created);
                sessionRows.setLong(2, created);
                sessionRows.setLong(3, expiresAt);
                sessionRows.setLong(4, LIFETIME);
                sessionRows.setLong(5, expiresAt);
                sessionRows.setLong(6, from);
                sessionRows.setLong(7, to);
                sessionRows.executeUpdate();
                beanRows.setString(1, bean.key());
                beanRows.setString(2, bean.codec());
                beanRows.setBytes(3, bean.state());
                beanRows.setLong(4, from);
                beanRows.setLong(5, to);
                beanRows.executeUpdate();
            }
        }
        try (Statement statement = connection.createStatement()) {
            // fresh planner statistics, as a database that grew slowly would have
            statement.execute(h2 ? "ANALYZE" : "ANALYZE tether_session, tether_bean");
        }
    }

    private record Template(String key, String codec, byte[] state) {
    }

    private static Template template(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT bean_key, codec, state_bytes FROM tether_bean")) {
            if (!row.next()) {
                throw new IllegalStateException("no stored bean to copy: make one request to /api/tether first");
            }
            return new Template(row.getString(1), row.getString(2), row.getBytes(3));
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM tether_session")) {
            row.next();
            return row.getLong(1);
        }
    }
}
