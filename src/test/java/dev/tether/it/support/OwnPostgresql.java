package dev.tether.it.support;

import java.nio.file.Path;

import dev.tether.support.Directories;
import dev.tether.support.db.PostgresqlServer;

/**
 * A PostgreSQL of one test class, started before the server deploys the application that names it. Its data
 * directory outlives a stop, so a database started again comes back with Tether's tables; it is deleted before the
 * first start and at the end.
 */
public final class OwnPostgresql {

    private final int port;
    private final Path data;
    private PostgresqlServer server;

    public OwnPostgresql(int port, Path data) {
        this.port = port;
        this.data = data;
    }

    /** A fresh database. */
    public PostgresqlServer start() {
        Directories.deleteTree(data);
        server = PostgresqlServer.start(port, data);
        return server;
    }

    /** Stops the database under the running server, keeping its data. */
    public void stopKeepingData() {
        server.close();
        server = null;
    }

    /** Starts the stopped database again, on its data. */
    public void startAgain() {
        server = PostgresqlServer.start(port, data);
    }

    public PostgresqlServer server() {
        return server;
    }

    /** Stops the database, if it runs, and deletes its data. */
    public void stopAndDelete() {
        if (server != null) {
            server.close();
            server = null;
        }
        Directories.deleteTree(data);
    }
}
