package dev.tether.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tether.config.InvalidSettingException;
import dev.tether.config.TableNames;
import dev.tether.config.TetherSettings;

/**
 * One of the DDL scripts in the jar, with the names of {@code tether.table-prefix} and {@code tether.schema.name}
 * applied: the scripts are written with Tether's own names ({@code tether_session}, {@code tether_session_expires},
 * ...), and every such name is rewritten here, the tables qualified with the schema. What Tether runs and what a
 * DBA runs by hand are the same text: {@link #main} prints it.
 */
final class SchemaScript {

    /** The tables of the scripts, by their own names; every other {@code tether_} name is an index or a constraint. */
    private static final Set<String> TABLES = Set.of("session", "bean", "lease", "schema_version");
    private static final Pattern NAME = Pattern.compile("\\btether_(\\w+)");

    private final String path;
    private final String text;

    private SchemaScript(String path, String text) {
        this.path = path;
        this.text = text;
    }

    /** The script that creates the current schema on {@code dialect}'s database. */
    static SchemaScript creation(Dialect dialect, TableNames names) {
        return load("META-INF/tether/ddl/" + dialect.scriptName() + ".sql", names);
    }

    /** The script that takes a schema from {@code version - 1} to {@code version}. */
    static SchemaScript upgrade(Dialect dialect, int version, TableNames names) {
        return load(upgradePath(dialect, version), names);
    }

    static String upgradePath(Dialect dialect, int version) {
        return "META-INF/tether/ddl/upgrade/" + dialect.scriptName() + "-" + version + ".sql";
    }

    /** Where the script is in the jar. */
    String path() {
        return path;
    }

    /** The whole script, its comments included, with the names applied. */
    String text() {
        return text;
    }

    /** The statements, without comments, in the script's order. */
    List<String> statements() {
        String code = text.lines().filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + "\n" + b);
        return Arrays.stream(code.split(";")).map(String::strip).filter(sql -> !sql.isEmpty()).toList();
    }

    /** Each table, index and row of the script, on its own. */
    List<SchemaObject> objects() {
        return statements().stream().map(SchemaObject::of).toList();
    }

    /** {@code sql} with Tether's own names replaced by {@code names}, in one pass. */
    static String rename(String sql, TableNames names) {
        Matcher matcher = NAME.matcher(sql);
        StringBuilder renamed = new StringBuilder();
        while (matcher.find()) {
            String own = matcher.group(1);
            matcher.appendReplacement(renamed,
                    Matcher.quoteReplacement(TABLES.contains(own) ? names.table(own) : names.object(own)));
        }
        return matcher.appendTail(renamed).toString();
    }

    private static SchemaScript load(String path, TableNames names) {
        try (InputStream in = SchemaScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the Tether jar");
            }
            return new SchemaScript(path, rename(new String(in.readAllBytes(), StandardCharsets.UTF_8), names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prints a script with a table prefix and schema applied, for a DBA who runs it by hand or from a migration tool:
     * {@code java -cp tether.jar dev.tether.store.SchemaScript postgresql [2] [tether.table-prefix=shop_]
     * [tether.schema.name=sessions]} (a version number prints that version's upgrade script).
     */
    public static void main(String[] args) {
        Map<String, String> settings = new HashMap<>();
        Optional<Integer> version = Optional.empty();
        Dialect dialect = null;
        for (String arg : args) {
            if (arg.contains("=")) {
                settings.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.chars().allMatch(Character::isDigit)) {
                version = Optional.of(Integer.parseInt(arg));
            } else {
                dialect = Dialect.valueOf(arg.toUpperCase(Locale.ROOT));
            }
        }
        if (dialect == null) {
            System.err.println("usage: SchemaScript h2|postgresql|mariadb|oracle|sqlserver [upgrade version] "
                    + "[tether.table-prefix=...] [tether.schema.name=...]");
            System.exit(2);
        }
        TableNames names;
        try {
            names = TetherSettings.readTableNames(key -> Optional.ofNullable(settings.get(key)));
        } catch (InvalidSettingException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SchemaScript script = version.isPresent() ? upgrade(dialect, version.get(), names) : creation(dialect, names);
        System.out.print(script.text());
    }
}
