package dev.tether;

/**
 * The names of Tether's settings. Each is read through MicroProfile Config where the server has it (WildFly
 * and Payara do: system properties, environment variables, {@code microprofile-config.properties}), and from
 * system properties otherwise. A value that does not parse fails the deployment with a message naming the key.
 * {@code docs/configuration.md} lists every key with its default.
 */
public final class ConfigKeys {

    /** JNDI name of the data source sessions are stored in. Default {@code java:comp/DefaultDataSource}. */
    public static final String DATASOURCE = "tether.datasource";
    /** Create the tables at startup when they are missing. Default {@code true}. */
    public static final String SCHEMA_CREATE = "tether.schema.create";
    /**
     * The database schema Tether's tables are in (on MariaDB and MySQL: the database), which must exist; a plain
     * identifier (letters, digits, underscores, starting with a letter). Default: the connection's own.
     */
    public static final String SCHEMA_NAME = "tether.schema.name";
    /**
     * What the names of Tether's tables, indexes and constraints start with, in place of {@code tether_}
     * ({@code shop_} makes {@code shop_session}, {@code shop_bean}, ...); a plain identifier of at most 40
     * characters. Default {@code tether_}.
     */
    public static final String TABLE_PREFIX = "tether.table-prefix";
    /**
     * How the store talks to the database: {@code jpa} (the server's JPA provider) or {@code jdbc} (plain JDBC,
     * the same statements). Default {@code jpa}.
     */
    public static final String STORE = "tether.store";
    /** Default codec of beans: {@code java} (serialization behind an allow-list) or {@code jsonb}. Default {@code java}. */
    public static final String CODEC = "tether.codec";
    /** Extra classes, or packages ending in {@code .*}, that Java deserialization may read; comma separated. */
    public static final String SERIALIZATION_ALLOW = "tether.serialization.allow";
    /**
     * Give the session a new ID whenever its principal changes: through {@link PersistentSession#setPrincipal}
     * with a different name, or because the request's authenticated user (Jakarta Security, or any container
     * login) differs from the principal stored in the session. An ID planted before a login is then worth
     * nothing after it (session fixation). {@code true} or {@code false}. Default {@code true}.
     */
    public static final String ROTATE_ON_LOGIN = "tether.rotate-on-login";
    /**
     * The most bytes one bean's stored state may take, in bytes or with a {@code KB} or {@code MB} suffix (of
     * 1024). A request that would store more fails and stores nothing; a stored bean that is larger is not
     * read: it starts fresh. Default {@code 256KB}.
     */
    public static final String MAX_BEAN_BYTES = "tether.max-bean-bytes";
    /**
     * The most bytes all the beans of one session may take together, as {@link #MAX_BEAN_BYTES}. A request that
     * would store more fails and stores nothing. Default {@code 1MB}.
     */
    public static final String MAX_SESSION_BYTES = "tether.max-session-bytes";
    /**
     * Install {@code dev.tether.web.PersistentSessionAuthentication}, a Jakarta Security
     * {@code HttpAuthenticationMechanism} that authenticates each request as the principal stored in its
     * persistent session, so a login survives server restarts. {@code true} or {@code false}. Default
     * {@code false}. On WildFly the server must allow identities it does not know itself (see SECURITY.md).
     */
    public static final String AUTHENTICATION_MECHANISM = "tether.authentication-mechanism";
    /**
     * Publish Tether's figures through the metrics API the server offers the application (Micrometer, MicroProfile
     * Metrics), where it offers one. {@code true} or {@code false}. Default {@code true}. The figures stay readable
     * through {@link PersistentSessions#statistics()} either way.
     */
    public static final String METRICS_ENABLED = "tether.metrics.enabled";
    /**
     * Add the readiness check {@code tether-session-store} where the server has MicroProfile Health. {@code true} or
     * {@code false}. Default {@code true}.
     */
    public static final String HEALTH_ENABLED = "tether.health.enabled";
    /**
     * How many live sessions one principal may have; a login beyond that ends the oldest or is refused, as
     * {@link #MAX_SESSIONS_POLICY} says. A positive number, or {@code none}. Default {@code none} (no limit).
     */
    public static final String MAX_SESSIONS_PER_PRINCIPAL = "tether.max-sessions-per-principal";
    /**
     * What a login beyond {@link #MAX_SESSIONS_PER_PRINCIPAL} does: {@code end-oldest} (the principal's oldest
     * sessions end) or {@code refuse} ({@link TooManySessionsException}, 409 over HTTP). Default {@code end-oldest}.
     */
    public static final String MAX_SESSIONS_POLICY = "tether.max-sessions-policy";
    /** ISO-8601 duration a session may stay unused before it expires. Default {@code P7D}. */
    public static final String IDLE_TIMEOUT = "tether.idle-timeout";
    /** ISO-8601 duration after its creation at which a session expires however busy it is. Default {@code P30D}. */
    public static final String ABSOLUTE_TIMEOUT = "tether.absolute-timeout";
    /** A read-only request records its access at most this often. Default a twentieth of the idle timeout. */
    public static final String TOUCH_INTERVAL = "tether.touch-interval";
    /** {@code optimistic}, {@code last-write-wins} or {@code serialize}. Default {@code optimistic}. */
    public static final String CONCURRENCY = "tether.concurrency";
    /** Under the {@code serialize} policy, how long a request waits for its session's turn before a 503. Default {@code PT10S}. */
    public static final String SERIALIZE_WAIT = "tether.serialize.wait";
    /**
     * Under the {@code serialize} policy, how many requests of one node may wait for a session's turn while another
     * has it; each waits on a pooled connection, so more are refused at once with a 503. Default {@code 4}.
     */
    public static final String SERIALIZE_MAX_WAITING = "tether.serialize.max-waiting";
    /**
     * Under the {@code serialize} policy, how many requests of one node may have or wait for a turn, over all
     * sessions; each holds a pooled connection meanwhile, so more are refused at once with a 503. Keep it below the
     * data source's pool size, so that the rest of the application always finds a connection. Default {@code 10}.
     */
    public static final String SERIALIZE_MAX_PER_NODE = "tether.serialize.max-per-node";
    /**
     * ISO-8601 duration any statement of Tether's may run before the driver cancels it and the request gets a 503;
     * in whole seconds, rounded up. The serialize lock waits {@code tether.serialize.wait} instead. Default
     * {@code PT5S}.
     */
    public static final String STATEMENT_TIMEOUT = "tether.statement-timeout";
    /** How often expired sessions are purged, ISO-8601. Default {@code PT5M}. */
    public static final String PURGE_INTERVAL = "tether.purge-interval";
    /** How many expired sessions one purge transaction deletes. Default {@code 500}. */
    public static final String PURGE_BATCH_SIZE = "tether.purge.batch-size";
    /** Whether purged sessions' beans are loaded and destroyed, so {@code @PreDestroy} runs. Default {@code false}. */
    public static final String PURGE_DESTROY_BEANS = "tether.purge.destroy-beans";
    /** Cookie that carries the session ID. Default {@code SESSION_ID}. */
    public static final String COOKIE_NAME = "tether.cookie.name";
    /** When set, the request header that carries the session ID and the response header that returns it. */
    public static final String HEADER_NAME = "tether.header.name";
    /** {@code true} or {@code false}. Default {@code true}. */
    public static final String COOKIE_HTTP_ONLY = "tether.cookie.http-only";
    /** {@code true}, {@code false} or {@code auto} (when the request came over HTTPS). Default {@code auto}. */
    public static final String COOKIE_SECURE = "tether.cookie.secure";
    /** {@code Lax}, {@code Strict}, {@code None} or {@code off} (no attribute). Default {@code Lax}. */
    public static final String COOKIE_SAME_SITE = "tether.cookie.same-site";
    /** Cookie path. Default the application's context path. */
    public static final String COOKIE_PATH = "tether.cookie.path";
    /** Cookie domain. Default none (the host that set it). */
    public static final String COOKIE_DOMAIN = "tether.cookie.domain";
    /** ISO-8601 duration of the cookie's Max-Age, or {@code session} for a browser-session cookie. Default the absolute timeout. */
    public static final String COOKIE_MAX_AGE = "tether.cookie.max-age";

    private ConfigKeys() {
    }
}
