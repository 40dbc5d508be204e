package dev.tether.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.tether.ConfigKeys;

/**
 * Refuses to start the store on a MariaDB Galera cluster node (or Percona XtraDB Cluster) where Tether's guarantees
 * would not hold, naming the fix. Asked once when the store starts, by the {@link Dialect#MARIADB} dialect only:
 * other databases never see its statements.
 *
 * <ul>
 *   <li>Reads must be causal ({@code wsrep_sync_wait} with its read bit, 1): otherwise a request that lands on another
 *       database node right after a rotation or a logout may still find the old ID or principal there. The setting
 *       belongs to the data source (once per connection, visible to whoever runs the server), so this check reads it
 *       on a connection the data source gives, instead of setting it on every connection Tether borrows.</li>
 *   <li>The {@code serialize} policy takes its turns through {@code SELECT ... FOR UPDATE}, which on Galera locks only
 *       on the database node that ran it: requests of one session through two database nodes would not take turns.
 *       It is refused.</li>
 * </ul>
 */
final class GaleraCheck {

    private static final String FIX_READS = "Fix: give the data source's connections wsrep_sync_wait=1, e.g. "
            + "sessionVariables=wsrep_sync_wait=1 in the MariaDB Connector/J URL, or WildFly's "
            + "new-connection-sql=\"SET SESSION wsrep_sync_wait=1\" (docs/several-nodes.md, \"Several databases\").";

    private GaleraCheck() {
    }

    /**
     * @param serializes whether the default policy or a bean's is {@code serialize}
     * @throws IllegalStateException when the database is a Galera node and Tether cannot keep its guarantees there
     */
    static void verify(DataSource dataSource, boolean serializes) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!wsrepOn(statement)) {
                return;
            }
            if (serializes) {
                throw new IllegalStateException("Tether: this database is a Galera cluster node (wsrep_on=ON), where "
                        + ConfigKeys.CONCURRENCY + "=serialize (or @Concurrency(SERIALIZE)) cannot work: its lock, "
                        + "SELECT ... FOR UPDATE, holds only on the database node that took it, so requests of one "
                        + "session through two database nodes would not take turns. Fix: use the default "
                        + "'optimistic' (a concurrent change of the same bean gets 409) or 'last-write-wins'.");
            }
            long syncWait = syncWait(statement);
            if ((syncWait & 1) == 0) {
                throw new IllegalStateException("Tether: this database is a Galera cluster node (wsrep_on=ON) and the "
                        + "data source's connections read without causality checks (wsrep_sync_wait=" + syncWait
                        + "): right after a rotation or a logout on one node, a request on another could still find "
                        + "the old session ID. " + FIX_READS);
            }
        }
    }

    private static boolean wsrepOn(Statement statement) throws SQLException {
        // MySQL has no such variable: no row
        try (ResultSet row = statement.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
            return row.next() && "ON".equalsIgnoreCase(row.getString(2));
        }
    }

    private static long syncWait(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT @@session.wsrep_sync_wait")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}
