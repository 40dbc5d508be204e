package dev.tether.spi;

/**
 * A session's row with how much it stores, without its beans: what an account page or an operator lists.
 *
 * @param row         the session's metadata
 * @param beanCount   how many beans it stores
 * @param storedBytes the length of all its beans' stored states together, as the database measures them
 */
public record SessionFootprint(SessionRow row, int beanCount, long storedBytes) {

    /** The footprint of a loaded session: its beans counted and their sizes added up. */
    public static SessionFootprint of(StoredSession session) {
        long bytes = session.beans().values().stream().mapToLong(StoredBean::size).sum();
        return new SessionFootprint(session.row(), session.beans().size(), bytes);
    }
}
