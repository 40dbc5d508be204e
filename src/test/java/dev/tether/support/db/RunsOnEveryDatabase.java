package dev.tether.support.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that the build runs once per {@link TestDatabase}: on H2 with all the fast tests, then
 * again on a real PostgreSQL and a real MariaDB (the surefire executions of the tag {@value #TAG}). Its tests must
 * hold on every database, so they use only what {@code TestStorage} gives them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RunsOnEveryDatabase.TAG)
public @interface RunsOnEveryDatabase {

    String TAG = "every-database";
}
