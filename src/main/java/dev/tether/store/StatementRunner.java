package dev.tether.store;

import java.util.List;

/** Runs {@link Sql} statements on one connection or persistence context, inside the caller's transaction. */
interface StatementRunner {

    /** @return the number of rows the statement counted */
    int update(Sql sql);

    /** Every row of a query, each as its column values in order; a single column comes as a one-element array. */
    List<Object[]> rows(Sql sql);
}
