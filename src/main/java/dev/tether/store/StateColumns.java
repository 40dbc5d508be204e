package dev.tether.store;

/**
 * How a load selects the beans' stored state: its length, as the database measures it, and its bytes only when
 * that length is within the most one bean may take ({@code tether.max-bean-bytes}). A state too long to be
 * decoded is then never sent over the connection, however long it has grown.
 */
final class StateColumns {

    private final String state;

    private StateColumns(String state) {
        this.state = state;
    }

    /** Every state's bytes, whatever their length: the store of a caller that checks nothing on read. */
    static StateColumns unbounded() {
        return new StateColumns("b.state_bytes, NULL");
    }

    /** States up to {@code maxBytes} each, measured with the length function of {@code dialect}. */
    static StateColumns upTo(int maxBytes, Dialect dialect) {
        String length = dialect.length("b.state_bytes");
        // the limit is a number of Tether's own settings, so it is part of the text, which stays the same for
        // every execution
        return new StateColumns("CASE WHEN " + length + " <= " + maxBytes + " THEN b.state_bytes END, " + length);
    }

    /** The two columns of {@link SessionSql}'s loads: the state's bytes (or NULL), then its length (or NULL). */
    String state() {
        return state;
    }
}
