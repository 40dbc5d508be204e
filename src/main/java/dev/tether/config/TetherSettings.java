package dev.tether.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tether.ConcurrencyPolicy;
import dev.tether.ConfigKeys;
import dev.tether.SessionLimitPolicy;
import dev.tether.StoreAs;

/**
 * All of Tether's settings, read and validated once at deployment.
 *
 * @param rotateOnLogin           {@code tether.rotate-on-login}: a new session ID whenever the principal changes
 * @param sizeLimits              {@code tether.max-bean-bytes} and {@code tether.max-session-bytes}
 * @param authenticationMechanism {@code tether.authentication-mechanism}: authenticate requests from the
 *                                principal of their persistent session
 * @param store                   {@code tether.store}: through JPA or plain JDBC
 * @param serializeMaxWaiting     {@code tether.serialize.max-waiting}: under {@code serialize}, how many requests
 *                                of one node may wait for a session's turn beside the one that has it
 * @param serializeMaxPerNode     {@code tether.serialize.max-per-node}: under {@code serialize}, how many requests
 *                                of one node may have or wait for a turn, over all sessions
 * @param statementTimeout        {@code tether.statement-timeout}: how long any of the store's statements may run
 * @param tables                  {@code tether.table-prefix} and {@code tether.schema.name}: the names of
 *                                Tether's tables
 * @param sessionLimit            {@code tether.max-sessions-per-principal} and its policy; empty: no limit
 */
public record TetherSettings(String dataSource, boolean createSchema, StoreAs.Format codec,
                             List<String> serializationAllow, Duration idleTimeout, Duration absoluteTimeout,
                             Duration touchInterval, ConcurrencyPolicy concurrency, Duration serializeWait,
                             PurgeSettings purge, CookieSettings cookie, Optional<String> headerName,
                             boolean rotateOnLogin, SizeLimits sizeLimits, boolean authenticationMechanism,
                             StoreKind store, int serializeMaxWaiting, int serializeMaxPerNode,
                             Duration statementTimeout, TableNames tables,
                             Optional<SessionLimit> sessionLimit) {

    public static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";
    public static final String DEFAULT_COOKIE_NAME = "SESSION_ID";

    /** {@return the statement timeout in the whole seconds JDBC takes, rounded up} */
    public int statementTimeoutSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, (statementTimeout.toMillis() + 999) / 1000);
    }

    /** @throws InvalidSettingException naming the first key whose value is wrong */
    public static TetherSettings read(ConfigSource source) {
        SettingsReader reader = new SettingsReader(source);
        Duration idle = reader.duration(ConfigKeys.IDLE_TIMEOUT).orElse(Duration.ofDays(7));
        Duration absolute = reader.duration(ConfigKeys.ABSOLUTE_TIMEOUT).orElse(Duration.ofDays(30));
        Duration touch = reader.duration(ConfigKeys.TOUCH_INTERVAL).orElse(idle.dividedBy(20));
        if (touch.compareTo(idle) >= 0) {
            throw new InvalidSettingException(ConfigKeys.TOUCH_INTERVAL, touch.toString(),
                    "it must be shorter than " + ConfigKeys.IDLE_TIMEOUT + " (" + idle + ")");
        }
        return new TetherSettings(
                reader.string(ConfigKeys.DATASOURCE, DEFAULT_DATASOURCE),
                reader.bool(ConfigKeys.SCHEMA_CREATE, true),
                reader.choice(ConfigKeys.CODEC, StoreAs.Format.class, StoreAs.Format.JAVA),
                reader.list(ConfigKeys.SERIALIZATION_ALLOW),
                idle, absolute, touch,
                reader.choice(ConfigKeys.CONCURRENCY, ConcurrencyPolicy.class, ConcurrencyPolicy.OPTIMISTIC),
                reader.duration(ConfigKeys.SERIALIZE_WAIT).orElse(Duration.ofSeconds(10)),
                new PurgeSettings(reader.duration(ConfigKeys.PURGE_INTERVAL).orElse(Duration.ofMinutes(5)),
                        reader.positiveInt(ConfigKeys.PURGE_BATCH_SIZE, 500),
                        reader.bool(ConfigKeys.PURGE_DESTROY_BEANS, false)),
                readCookie(reader, absolute),
                reader.headerSafe(ConfigKeys.HEADER_NAME),
                reader.bool(ConfigKeys.ROTATE_ON_LOGIN, true),
                readSizeLimits(reader),
                reader.bool(ConfigKeys.AUTHENTICATION_MECHANISM, false),
                reader.choice(ConfigKeys.STORE, StoreKind.class, StoreKind.JPA),
                reader.positiveInt(ConfigKeys.SERIALIZE_MAX_WAITING, 4),
                reader.positiveInt(ConfigKeys.SERIALIZE_MAX_PER_NODE, 10),
                reader.duration(ConfigKeys.STATEMENT_TIMEOUT).orElse(Duration.ofSeconds(5)),
                readTableNames(source),
                readSessionLimit(reader));
    }

    /**
     * {@code tether.table-prefix} and {@code tether.schema.name}, read alone: for the tool that prints the DDL
     * scripts with them applied, too.
     *
     * @throws InvalidSettingException naming the key whose value is not a plain identifier
     */
    public static TableNames readTableNames(ConfigSource source) {
        SettingsReader reader = new SettingsReader(source);
        return new TableNames(reader.identifier(ConfigKeys.SCHEMA_NAME, TableNames.MAX_SCHEMA_LENGTH),
                reader.identifier(ConfigKeys.TABLE_PREFIX, TableNames.MAX_PREFIX_LENGTH)
                        .orElse(TableNames.DEFAULT.prefix()));
    }

    private static Optional<SessionLimit> readSessionLimit(SettingsReader reader) {
        SessionLimitPolicy policy = reader.choice(ConfigKeys.MAX_SESSIONS_POLICY, SessionLimitPolicy.class,
                SessionLimitPolicy.END_OLDEST);
        if (reader.string(ConfigKeys.MAX_SESSIONS_PER_PRINCIPAL).filter("none"::equalsIgnoreCase).isPresent()) {
            return Optional.empty();
        }
        return reader.string(ConfigKeys.MAX_SESSIONS_PER_PRINCIPAL)
                .map(max -> new SessionLimit(reader.positiveInt(ConfigKeys.MAX_SESSIONS_PER_PRINCIPAL, 0), policy));
    }

    /**
     * Whether {@code tether.authentication-mechanism} is on, read alone: it decides which beans exist, before
     * the other settings are read.
     */
    public static boolean installsAuthenticationMechanism(ConfigSource source) {
        return new SettingsReader(source).bool(ConfigKeys.AUTHENTICATION_MECHANISM, false);
    }

    /** Whether {@code tether.metrics.enabled} is on, read alone: it decides which beans exist. */
    public static boolean publishesMetrics(ConfigSource source) {
        return new SettingsReader(source).bool(ConfigKeys.METRICS_ENABLED, true);
    }

    /** Whether {@code tether.health.enabled} is on, read alone: it decides which beans exist. */
    public static boolean addsReadinessCheck(ConfigSource source) {
        return new SettingsReader(source).bool(ConfigKeys.HEALTH_ENABLED, true);
    }

    private static SizeLimits readSizeLimits(SettingsReader reader) {
        int bean = reader.byteSize(ConfigKeys.MAX_BEAN_BYTES, SizeLimits.DEFAULT_MAX_BEAN_BYTES);
        int session = reader.byteSize(ConfigKeys.MAX_SESSION_BYTES, Math.max(bean, SizeLimits.DEFAULT_MAX_SESSION_BYTES));
        if (session < bean) {
            throw new InvalidSettingException(ConfigKeys.MAX_SESSION_BYTES, String.valueOf(session),
                    "it must be at least " + ConfigKeys.MAX_BEAN_BYTES + " (" + bean + ")");
        }
        return new SizeLimits(bean, session);
    }

    private static CookieSettings readCookie(SettingsReader reader, Duration absoluteTimeout) {
        String name = reader.headerSafe(ConfigKeys.COOKIE_NAME).orElse(DEFAULT_COOKIE_NAME);
        if (name.contains("=") || name.contains(" ")) {
            throw new InvalidSettingException(ConfigKeys.COOKIE_NAME, name, "a cookie name has no '=' or spaces");
        }
        Optional<Boolean> secure = reader.string(ConfigKeys.COOKIE_SECURE).map(value ->
                switch (value.toLowerCase(Locale.ROOT)) {
                    case "true" -> Optional.of(true);
                    case "false" -> Optional.of(false);
                    case "auto" -> Optional.<Boolean>empty();
                    default -> throw new InvalidSettingException(ConfigKeys.COOKIE_SECURE, value,
                            "expected true, false or auto");
                }).orElse(Optional.empty());
        Optional<String> sameSite = reader.headerSafe(ConfigKeys.COOKIE_SAME_SITE).or(() -> Optional.of("Lax"))
                .flatMap(value -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "lax" -> Optional.of("Lax");
                    case "strict" -> Optional.of("Strict");
                    case "none" -> Optional.of("None");
                    case "off" -> Optional.<String>empty();
                    default -> throw new InvalidSettingException(ConfigKeys.COOKIE_SAME_SITE, value,
                            "expected Lax, Strict, None or off");
                });
        Optional<Duration> maxAge = reader.headerSafe(ConfigKeys.COOKIE_MAX_AGE)
                .map(value -> value.equalsIgnoreCase("session") ? Optional.<Duration>empty()
                        : reader.duration(ConfigKeys.COOKIE_MAX_AGE))
                .orElse(Optional.of(absoluteTimeout));
        CookieSettings cookie = new CookieSettings(name,
                reader.bool(ConfigKeys.COOKIE_HTTP_ONLY, true),
                secure, sameSite,
                reader.headerSafe(ConfigKeys.COOKIE_PATH),
                reader.headerSafe(ConfigKeys.COOKIE_DOMAIN),
                maxAge);
        refuseCookiesBrowsersDrop(cookie);
        return cookie;
    }

    /**
     * Browsers silently drop a {@code SameSite=None} cookie without {@code Secure}, and a cookie whose name has a
     * {@code __Secure-} or {@code __Host-} prefix without the attributes the prefix promises: every response would
     * hand out an ID the client never sends back.
     */
    private static void refuseCookiesBrowsersDrop(CookieSettings cookie) {
        boolean secure = cookie.secure().orElse(false);
        if (cookie.sameSite().filter("None"::equals).isPresent() && !secure) {
            throw new InvalidSettingException(ConfigKeys.COOKIE_SAME_SITE, "None", "browsers drop a SameSite=None "
                    + "cookie that is not Secure; set " + ConfigKeys.COOKIE_SECURE + "=true as well");
        }
        if ((cookie.name().startsWith("__Secure-") || cookie.name().startsWith("__Host-")) && !secure) {
            throw new InvalidSettingException(ConfigKeys.COOKIE_NAME, cookie.name(), "browsers drop a cookie of "
                    + "this prefix that is not Secure; set " + ConfigKeys.COOKIE_SECURE + "=true as well");
        }
        if (cookie.name().startsWith("__Host-")
                && (!cookie.path().equals(Optional.of("/")) || cookie.domain().isPresent())) {
            throw new InvalidSettingException(ConfigKeys.COOKIE_NAME, cookie.name(), "browsers drop a __Host- "
                    + "cookie unless its path is / and it has no domain; set " + ConfigKeys.COOKIE_PATH
                    + "=/ and leave " + ConfigKeys.COOKIE_DOMAIN + " unset");
        }
    }
}
