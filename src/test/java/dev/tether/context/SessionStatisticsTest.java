package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.PersistentSession;
import dev.tether.PersistentSessions;
import dev.tether.SessionConflictException;
import dev.tether.SessionStatistics;
import dev.tether.fixtures.Counter;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/** A known sequence of units gives exact figures in {@link PersistentSessions#statistics()} and in JFR events. */
@EnableWeld
class SessionStatisticsTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    SessionUnits sessionUnits;
    @Inject
    PersistentSessions sessions;
    @Inject
    PersistentSession session;
    @Inject
    Counter counter;

    @Test
    void countsEachLoadWriteConflictAndInvalidation() {
        String id = units.run(null, () -> counter.increment()).sentId();   // created, 1 bean written
        units.run(id, () -> counter.value());                              // loaded, decoded, nothing written
        units.run(id, () -> counter.increment());                          // loaded, decoded, 1 bean written
        loseARace(id);                                                     // 2 loads and decodes, 1 write, 1 conflict
        units.run(id, () -> session.invalidate());                         // loaded, decoded (to destroy), ended

        SessionStatistics figures = sessions.statistics();

        assertThat(figures.loads()).isEqualTo(5);
        assertThat(figures.sessionsLoaded()).isEqualTo(5);
        assertThat(figures.sessionsCreated()).isEqualTo(1);
        assertThat(figures.sessionsWritten()).isEqualTo(2);
        assertThat(figures.beansDecoded()).isEqualTo(5);
        assertThat(figures.beansWritten()).isEqualTo(3);
        assertThat(figures.bytesWritten()).isPositive();
        assertThat(figures.conflicts()).isEqualTo(1);
        assertThat(figures.sessionsInvalidated()).isEqualTo(1);
        assertThat(figures.beansStartedFresh()).isZero();
        assertThat(figures.storeUnavailable()).isZero();
        assertThat(figures.serializeWaits()).isZero();
        assertThat(figures.loadTime()).isPositive();
        assertThat(figures.writeTime()).isPositive();
    }

    @Test
    void eachLoadAndWriteBackIsAFlightRecorderEventWithoutTheSessionId() throws Exception {
        Path file = Files.createTempFile("tether", ".jfr");
        String id;
        try (Recording recording = new Recording()) {
            recording.enable("dev.tether.SessionLoad");
            recording.enable("dev.tether.SessionWrite");
            recording.start();
            id = units.run(null, () -> counter.increment()).sentId();
            units.run(id, () -> counter.increment());
            loseARace(id);
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);

        Map<String, List<String>> outcomes = events.stream().collect(Collectors.groupingBy(
                event -> event.getEventType().getName(), Collectors.mapping(e -> e.getString("outcome"),
                        Collectors.toList())));
        assertThat(outcomes.get("dev.tether.SessionLoad")).containsExactly("loaded", "loaded", "loaded");
        assertThat(outcomes.get("dev.tether.SessionWrite")).containsExactlyInAnyOrder("stored", "stored", "stored",
                "conflict");
        assertThat(events).allSatisfy(event -> assertThat(event.getFields()).allSatisfy(field ->
                assertThat(String.valueOf((Object) event.getValue(field.getName()))).doesNotContain(id)));
    }

    /** Two units of the session change its counter; the one that started first writes back last and loses. */
    private void loseARace(String id) {
        UnitOfWorkHandle first = sessionUnits.open(id);
        counter.increment();
        sessionUnits.detach(first);
        units.run(id, () -> counter.increment());
        assertThatThrownBy(() -> sessionUnits.closeDetached(first)).isInstanceOf(SessionConflictException.class);
    }
}
