package dev.tether.config;

/** How Tether talks to the database ({@code tether.store}). */
public enum StoreKind {
    /** Through the server's JPA provider (Hibernate on WildFly, EclipseLink on Payara): the default. */
    JPA,
    /** Through plain JDBC on the same data source, with the same statements: no JPA provider in between. */
    JDBC
}
