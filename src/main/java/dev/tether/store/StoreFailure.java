package dev.tether.store;

import java.sql.SQLException;

/** A statement, a connection or a transaction failed in a {@link StoreBinding}: the database's own exception inside. */
final class StoreFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A call into the database's API (JDBC or JPA), whatever it throws. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    /** The call's result; any failure of the call as a {@code StoreFailure}. */
    static <T> T whenFails(Call<T> call) {
        try {
            return call.run();
        } catch (StoreFailure e) {
            throw e;
        } catch (Exception e) {
            throw new StoreFailure(e);
        }
    }

    StoreFailure(Exception cause) {
        super(cause.getMessage(), cause);
    }

    /** The driver's exception behind the failure, as deep as the provider wrapped it; {@code null} when there is none. */
    SQLException sqlException() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
