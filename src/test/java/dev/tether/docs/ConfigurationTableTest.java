package dev.tether.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.tether.ConfigKeys;
import dev.tether.config.ConfigSource;
import dev.tether.config.TetherSettings;

/**
 * {@code docs/configuration.md} is the one table of settings and defaults: every key of {@link ConfigKeys} is in it,
 * nothing else is, and each documented default is what the code does when the key is not set. The Javadoc of
 * {@link ConfigKeys}, which states defaults too, must agree with the table.
 */
class ConfigurationTableTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path TABLE = REPOSITORY.resolve("docs/configuration.md");
    private static final Path KEYS_SOURCE = REPOSITORY.resolve("src/main/java/dev/tether/ConfigKeys.java");

    /** A row of the table: {@code | `tether.key` | default | meaning |}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(tether\\.[^`]+)`\\s*\\|([^|]*)\\|", Pattern.MULTILINE);
    /** A default written as a value, in backticks. */
    private static final Pattern LITERAL = Pattern.compile("`([^`]*)`");
    /** A constant of ConfigKeys with the Javadoc before it. */
    private static final Pattern CONSTANT = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public static final String (\\w+) =", Pattern.DOTALL);
    private static final Pattern JAVADOC_DEFAULT = Pattern.compile("Default \\{@code ([^}]*)}");

    /**
     * Defaults the table describes in words, each with the value that means the same when it is set: P7D / 20 for
     * the touch interval, the absolute timeout for the cookie's Max-Age. Empty: the key has no value by default.
     */
    private static final Map<String, Optional<String>> DESCRIBED = Map.of(
            "(empty)", Optional.empty(),
            "(unset)", Optional.empty(),
            "context path", Optional.empty(),
            "idle timeout / 20", Optional.of("PT8H24M"),
            "the absolute timeout", Optional.of("P30D"));

    @Test
    void everyKeyInTheCodeIsInTheTable() throws IOException {
        assertThat(documentedDefaults().keySet())
                .as("keys of ConfigKeys missing from %s", TABLE)
                .containsAll(keysInCode().values());
    }

    @Test
    void theTableHasNoKeyTheCodeDoesNotRead() throws IOException {
        assertThat(keysInCode().values())
                .as("keys of %s that ConfigKeys does not have", TABLE)
                .containsAll(documentedDefaults().keySet());
    }

    @Test
    void everyDocumentedDefaultIsTheDefaultOfTheCode() throws IOException {
        List<Object> unset = effective(key -> Optional.empty());
        documentedDefaults().forEach((key, documented) -> {
            Optional<String> value = valueOf(key, documented);
            assertThat(effective(asked -> asked.equals(key) ? value : Optional.empty()))
                    .as("%s: the table's default '%s' should change nothing when set explicitly", key, documented)
                    .isEqualTo(unset);
        });
    }

    @Test
    void theJavadocOfConfigKeysStatesTheSameDefaults() throws IOException, ReflectiveOperationException {
        Map<String, String> documented = documentedDefaults();
        Matcher constant = CONSTANT.matcher(Files.readString(KEYS_SOURCE));
        int checked = 0;
        while (constant.find()) {
            String key = (String) ConfigKeys.class.getField(constant.group(2)).get(null);
            Matcher stated = JAVADOC_DEFAULT.matcher(constant.group(1).replaceAll("\\s*\\*\\s*", " "));
            if (stated.find()) {
                assertThat("`" + stated.group(1) + "`")
                        .as("%s: the default in ConfigKeys' Javadoc and in %s", key, TABLE)
                        .isEqualTo(documented.get(key));
                checked++;
            }
        }
        assertThat(checked).as("constants of ConfigKeys whose Javadoc states a default").isGreaterThan(15);
    }

    /** What Tether makes of a configuration: its settings, and the switches read alone. */
    private static List<Object> effective(ConfigSource source) {
        return List.of(TetherSettings.read(source), TetherSettings.publishesMetrics(source),
                TetherSettings.addsReadinessCheck(source), TetherSettings.installsAuthenticationMechanism(source));
    }

    private static Optional<String> valueOf(String key, String documented) {
        Matcher literal = LITERAL.matcher(documented);
        if (literal.matches()) {
            return Optional.of(literal.group(1));
        }
        assertThat(DESCRIBED).as("%s: a default in words this test knows ('%s'); write a value in backticks, or add"
                + " its meaning to ConfigurationTableTest.DESCRIBED", key, documented).containsKey(documented);
        return DESCRIBED.get(documented);
    }

    /** The table's keys and their defaults as written, in order. */
    private static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(TABLE));
        while (row.find()) {
            assertThat(defaults.put(row.group(1), row.group(2).strip())).as("%s twice in %s", row.group(1), TABLE)
                    .isNull();
        }
        return defaults;
    }

    /** The constants of ConfigKeys: name to key. */
    private static Map<String, String> keysInCode() {
        Map<String, String> keys = new LinkedHashMap<>();
        Arrays.stream(ConfigKeys.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .forEach(field -> keys.put(field.getName(), read(field)));
        return keys;
    }

    private static String read(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
