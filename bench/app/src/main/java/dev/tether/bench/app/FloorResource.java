package dev.tether.bench.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * Variant {@code floor}: the least a persistent session store can do on the same data source, written by hand to
 * measure Tether against. One row per session keyed by the raw ID from a cookie, the state Java-serialized; a read is
 * one SELECT, a change one SELECT and one conditional UPDATE in one transaction, a new session one INSERT. No CDI
 * scope, no filter, no hashing, no dirty check, no events: what it costs is the database and the JDBC driver.
 */
@Path("floor")
@Produces(MediaType.TEXT_PLAIN)
@ApplicationScoped
public class FloorResource {

    static final String COOKIE = "FLOOR_ID";
    private static final long LIFETIME_MILLIS = 30L * 24 * 60 * 60 * 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    BenchStorage storage;

    private DataSource dataSource;

    @PostConstruct
    void createTable() {
        dataSource = storage.counted();
        try (Connection connection = storage.uncounted().getConnection();
             Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            statement.execute("CREATE TABLE IF NOT EXISTS floor_session (id VARCHAR(64) PRIMARY KEY, state "
                    + (product.contains("postgres") ? "BYTEA" : "VARBINARY(65536)")
                    + " NOT NULL, version BIGINT NOT NULL, expires_at BIGINT NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the floor's table: " + e.getMessage(), e);
        }
    }

    @GET
    @Path("no-touch")
    public String noTouch() {
        return "ok";
    }

    @GET
    @Path("read")
    public String read(@CookieParam(COOKIE) String id) throws SQLException {
        if (id == null) {
            return "0";
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT state FROM floor_session WHERE id = ? AND expires_at > ?")) {
            select.setString(1, id);
            select.setLong(2, System.currentTimeMillis());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Long.toString(decode(row.getBytes(1)).count()) : "0";
            }
        }
    }

    @POST
    @Path("increment")
    public Response increment(@CookieParam(COOKIE) String id) throws SQLException {
        if (id != null) {
            Long count = incrementStored(id);
            if (count != null) {
                return Response.ok(Long.toString(count)).build();
            }
        }
        Hits hits = new FloorHits();
        long count = hits.increment();
        String newId = newId();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO floor_session (id, state, version, expires_at) VALUES (?, ?, 1, ?)")) {
            insert.setString(1, newId);
            insert.setBytes(2, encode(hits));
            insert.setLong(3, System.currentTimeMillis() + LIFETIME_MILLIS);
            insert.executeUpdate();
        }
        return Response.ok(Long.toString(count))
                .cookie(new NewCookie.Builder(COOKIE).value(newId).path("/").httpOnly(true).build()).build();
    }

    /** The new count, or {@code null} when there is no such live session; 409 when another request was first. */
    private Long incrementStored(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                Long count = incrementIn(connection, id);
                connection.commit();
                committed = true;
                return count;
            } finally {
                if (!committed) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            }
        }
    }

    private static Long incrementIn(Connection connection, String id) throws SQLException {
        Hits hits;
        long version;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state, version FROM floor_session WHERE id = ? AND expires_at > ?")) {
            select.setString(1, id);
            select.setLong(2, System.currentTimeMillis());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                hits = decode(row.getBytes(1));
                version = row.getLong(2);
            }
        }
        long count = hits.increment();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE floor_session SET state = ?, version = ? WHERE id = ? AND version = ?")) {
            update.setBytes(1, encode(hits));
            update.setLong(2, version + 1);
            update.setString(3, id);
            update.setLong(4, version);
            if (update.executeUpdate() == 0) {
                throw new WebApplicationException(Response.Status.CONFLICT);
            }
        }
        return count;
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] encode(Hits hits) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(hits);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static Hits decode(byte[] state) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
            return (Hits) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
