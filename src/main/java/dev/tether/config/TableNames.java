package dev.tether.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of Tether's tables, and of their indexes and constraints: each is {@code prefix} followed by its own
 * name ({@code session}, {@code bean}, {@code lease}, {@code schema_version}; {@code session_expires} and so on),
 * the tables qualified with {@code schema} when one is set. Both are plain identifiers, checked at deployment, so
 * they can be written into statements as they are.
 *
 * @param schema {@code tether.schema.name}: the database schema the tables live in (a database on MariaDB and
 *               MySQL), or empty for the connection's own
 * @param prefix {@code tether.table-prefix}: what every name of Tether's schema starts with
 */
public record TableNames(Optional<String> schema, String prefix) {

    /** Letters, digits and underscores, starting with a letter: no quoting, no SQL. */
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Room for the longest name after the prefix ({@code schema_version_pk}) within PostgreSQL's 63 characters. */
    static final int MAX_PREFIX_LENGTH = 40;
    /** The shortest limit of the databases Tether supports (PostgreSQL's 63; MariaDB 64, Oracle 128). */
    static final int MAX_SCHEMA_LENGTH = 63;
    /** The names of Tether's scripts as they ship: {@code tether_session} and so on, in the connection's schema. */
    public static final TableNames DEFAULT = new TableNames(Optional.empty(), "tether_");

    public TableNames {
        schema.ifPresent(name -> requirePlain(name, MAX_SCHEMA_LENGTH, "schema"));
        requirePlain(prefix, MAX_PREFIX_LENGTH, "prefix");
    }

    /** Whether {@code value} may be written into a statement as an identifier, at most {@code maxLength} long. */
    public static boolean isPlainIdentifier(String value, int maxLength) {
        return value.length() <= maxLength && PLAIN_IDENTIFIER.matcher(value).matches();
    }

    /** {@return a table of Tether's schema by its own name ({@code session}), prefixed and qualified} */
    public String table(String name) {
        return schema.map(s -> s + ".").orElse("") + prefix + name;
    }

    /** {@return an index or constraint by its own name ({@code session_expires}), prefixed; never qualified} */
    public String object(String name) {
        return prefix + name;
    }

    private static void requirePlain(String value, int maxLength, String what) {
        if (!isPlainIdentifier(value, maxLength)) {
            throw new IllegalArgumentException("a table " + what + " must be a plain identifier of at most "
                    + maxLength + " characters: " + value);
        }
    }
}
