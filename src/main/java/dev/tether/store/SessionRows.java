package dev.tether.store;

import java.sql.Blob;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.PersistenceException;
import dev.tether.spi.SessionFootprint;
import dev.tether.spi.SessionRow;
import dev.tether.spi.StoredBean;
import dev.tether.spi.StoredSession;

/**
 * Reads the result of {@link SessionSql}'s load: one row per bean (or one row without a bean), the session's
 * columns repeated on each. Values are read by their JDBC kind, not their exact class, so every provider and
 * driver reads alike (a BIGINT may come back as a {@code Long} or a {@code BigDecimal}, bytes as an array or a
 * {@link Blob}).
 */
final class SessionRows {

    private SessionRows() {
    }

    static Optional<StoredSession> toStoredSession(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        SessionRow session = toSessionRow(rows.get(0));
        Map<String, StoredBean> beans = new HashMap<>();
        for (Object[] columns : rows) {
            if (columns[8] != null) {
                StoredBean bean = toStoredBean(columns, 8);
                beans.put(bean.key(), bean);
            }
        }
        return Optional.of(new StoredSession(session, beans));
    }

    /** The session columns, in {@link SessionSql}'s order, at the start of a row. */
    static SessionRow toSessionRow(Object[] columns) {
        return new SessionRow(text(columns[0]), text(columns[1]), number(columns[2]), number(columns[3]),
                number(columns[4]), number(columns[5]), number(columns[6]), Optional.ofNullable(text(columns[7])));
    }

    /** A row of {@link SessionSql#findFootprintsByPrincipal}: the session columns, its bean count, its bytes. */
    static SessionFootprint toFootprint(Object[] columns) {
        return new SessionFootprint(toSessionRow(columns), Math.toIntExact(number(columns[8])), number(columns[9]));
    }

    /** A bean row of {@link SessionSql#beansOf}. */
    static StoredBean toStoredBean(Object[] columns) {
        return toStoredBean(columns, 0);
    }

    /**
     * The bean columns from {@code first} on: key, codec, version, then bytes and length as {@link StateColumns}
     * selects them (no length when the bytes were read whatever their length).
     */
    private static StoredBean toStoredBean(Object[] columns, int first) {
        byte[] state = bytes(columns[first + 3]);
        Object length = columns[first + 4];
        long size = length != null ? number(length) : state == null ? 0 : state.length;
        return new StoredBean(text(columns[first]), text(columns[first + 1]), state, number(columns[first + 2]), size);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    static byte[] bytes(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof Blob blob) {
            try {
                return blob.getBytes(1, Math.toIntExact(blob.length()));
            } catch (SQLException e) {
                throw new PersistenceException("cannot read a stored bean's bytes", e);
            }
        }
        throw new PersistenceException("a stored bean's bytes came back as " + value.getClass().getName());
    }
}
