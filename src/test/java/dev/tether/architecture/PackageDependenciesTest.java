package dev.tether.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages of the library depend on each other only as the design says ({@code docs/design.md}): read from the
 * import lines of {@code src/main/java}, so a new import that breaks the shape fails here, naming the file.
 * Arrows point one way: {@code web -> context -> store / codec -> spi -> API}, {@code monitoring -> context}, and
 * every part may read {@code config}.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/tether");
    private static final Pattern PACKAGE_IMPORT = Pattern.compile("^import (?:static )?dev\\.tether\\.([a-z]+)\\.",
            Pattern.MULTILINE);
    private static final Pattern FRAMEWORK_IMPORT = Pattern.compile(
            "^import (?:static )?(jakarta\\.[a-z]+|java\\.sql|javax\\.sql)\\.", Pattern.MULTILINE);

    /** The parts of the library each part may import; "" is the public API, {@code dev.tether} itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "", Set.of(),
            "spi", Set.of(""),
            "config", Set.of(""),
            "codec", Set.of("", "spi", "config"),
            "store", Set.of("", "spi", "config"),
            "context", Set.of("", "spi", "config", "codec", "store"),
            "web", Set.of("", "spi", "config", "context"),
            "monitoring", Set.of("", "config", "context"));

    @Test
    void everyPackageImportsOnlyThePartsBelowIt() {
        List<String> violations = new ArrayList<>();
        dependencies().forEach((from, targets) -> targets.forEach(to -> {
            if (!ALLOWED.getOrDefault(from.part(), Set.of()).contains(to)) {
                violations.add(from.file() + " imports dev.tether." + to);
            }
        }));

        assertThat(violations).as("imports against the design's arrows").isEmpty();
    }

    @Test
    void theAllowedArrowsHaveNoCycle() {
        for (String start : ALLOWED.keySet()) {
            assertThat(reachable(start, new TreeSet<>())).as("what %s reaches", start.isEmpty() ? "the API" : start)
                    .doesNotContain(start);
        }
    }

    @Test
    void theStoreSeesNoContainerAndTheContextNoHttpOrSql() {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String part = partOf(file);
            Matcher framework = FRAMEWORK_IMPORT.matcher(read(file));
            while (framework.find()) {
                String api = framework.group(1);
                boolean refused = switch (part) {
                    case "store", "spi", "codec" -> api.startsWith("jakarta.enterprise") || api.startsWith("jakarta.servlet")
                            || api.startsWith("jakarta.ws");
                    case "context" -> api.startsWith("jakarta.servlet") || api.startsWith("jakarta.ws")
                            || api.equals("java.sql") || api.startsWith("jakarta.persistence");
                    default -> false;
                };
                if (refused) {
                    violations.add(SOURCES.relativize(file) + " imports " + api);
                }
            }
        }

        assertThat(violations).isEmpty();
    }

    private static Set<String> reachable(String from, Set<String> seen) {
        for (String next : ALLOWED.getOrDefault(from, Set.of())) {
            if (seen.add(next)) {
                reachable(next, seen);
            }
        }
        return seen;
    }

    private record Source(String part, Path file) implements Comparable<Source> {

        @Override
        public int compareTo(Source other) {
            return file.compareTo(other.file);
        }
    }

    private static Map<Source, Set<String>> dependencies() {
        Map<Source, Set<String>> imports = new TreeMap<>();
        for (Path file : javaFiles()) {
            Set<String> targets = new TreeSet<>();
            Matcher matcher = PACKAGE_IMPORT.matcher(read(file));
            while (matcher.find()) {
                targets.add(matcher.group(1));
            }
            // a class of the public API imported by its simple name is "", already allowed everywhere
            targets.remove(partOf(file));
            imports.put(new Source(partOf(file), SOURCES.relativize(file)), targets);
        }
        assertThat(imports).as("sources read from " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(50);
        return imports;
    }

    private static String partOf(Path file) {
        Path relative = SOURCES.relativize(file.getParent());
        return relative.toString().replace('/', '.');
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
