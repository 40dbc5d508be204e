package dev.tether.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tether.SessionConflictException;
import dev.tether.TooManySessionsException;
import dev.tether.spi.UnwritableStateException;
import dev.tether.support.CapturedLog;

/** What a problem body tells the client, and what it leaves to the server's log. */
class ProblemTest {

    private static final String CODEC_MESSAGE = "com.example.Cart holds an object of com.example.internal.Secret, "
            + "which is not Serializable; make the field transient or the class Serializable";

    @Test
    void aServerErrorsBodyKeepsTheExceptionMessageOutAndGivesAReference() {
        try (CapturedLog log = CapturedLog.of(Problem.class.getName())) {
            Problem problem = Problem.of(new UnwritableStateException(CODEC_MESSAGE, null));

            assertThat(problem.status()).isEqualTo(500);
            assertThat(problem.json()).doesNotContain("com.example", "Serializable")
                    .contains("\"incident\":\"" + problem.incident() + "\"");
            assertThat(problem.incident()).matches("[0-9a-f]{8}");
            assertThat(log.warnings()).singleElement().satisfies(line -> assertThat(line)
                    .contains("incident " + problem.incident()).contains(CODEC_MESSAGE));
        }
    }

    @Test
    void aConflictNeedsNoReference() {
        Problem problem = Problem.of(new SessionConflictException("bean com.example.Cart at version 3"));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.incident()).isNull();
        assertThat(problem.json()).doesNotContain("incident", "com.example");
    }

    @Test
    void aRefusedLoginIsAConflictThatNamesNeitherTheUserNorTheLimit() {
        Problem problem = Problem.of(new TooManySessionsException("alice@example.com", 3));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.title()).isEqualTo("Too many sessions");
        assertThat(problem.json()).doesNotContain("alice", "incident");
    }
}
