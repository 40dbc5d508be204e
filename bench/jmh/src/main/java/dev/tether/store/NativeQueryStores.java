package dev.tether.store;

import javax.sql.DataSource;

import dev.tether.config.StoreKind;
import dev.tether.config.TableNames;

/**
 * The JPA store as it was before its statements ran on the provider's lent connection: every statement the
 * provider's native query. Only for the benchmark that compares both in one run; it lives in the store's package
 * because the binding is internal.
 */
public final class NativeQueryStores {

    private NativeQueryStores() {
    }

    /** A JPA store on a schema already made by {@link SessionStores#start}, whose statements are native queries. */
    public static SqlSessionStore start(DataSource dataSource) {
        JpaBinding binding = new JpaBinding(TetherPersistenceUnit.start(dataSource), null, null);
        return new SqlSessionStore(binding, StoreKind.JPA, Dialect.H2,
                new SessionSql(TableNames.DEFAULT, Dialect.H2, StateColumns.unbounded()), SessionStores.TOOL_TIMEOUT_SECONDS);
    }
}
