package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tether.PersistentSession;
import dev.tether.fixtures.Basket;
import dev.tether.fixtures.Counter;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** The scope's core promises: round trip, lazy loading, dirty checking, fresh sessions. */
@EnableWeld
@RunsOnEveryDatabase
class PersistentSessionScopeTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    Counter counter;
    @Inject
    PersistentSession session;
    @Inject
    TestStorage storage;

    @BeforeEach
    void resetCounters() {
        storage.statements().reset();
    }

    @Test
    void storedValuesComeBackDeepEqualUnderTheSameId() {
        String id = units.run(null, () -> {
            basket.setFoo("bar");
            basket.getNames().addAll(List.of("tom", "dick", "harry"));
            basket.setNumber(12);
        }).idToSend().orElseThrow();

        Units.Result<List<Object>> next = units.run(id, () ->
                List.of(session.id(), basket.getFoo(), basket.getNames(), basket.getNumber()));

        assertThat(next.value()).containsExactly(id, "bar", List.of("tom", "dick", "harry"), 12);
        assertThat(next.writeBack().idToSend()).isEmpty();
    }

    @Test
    void anElementAddedToAListInsideTheBeanIsSaved() {
        String id = units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();

        units.run(id, () -> basket.getNames().add("tom"));

        assertThat(units.run(id, () -> basket.getNames()).value()).containsExactly("tom");
    }

    @Test
    void aBeanOnlyReadIsNotWritten() {
        String id = units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();
        storage.statements().reset();

        units.run(id, () -> basket.getFoo());

        assertThat(storage.statements().count()).as(storage.statements().statements().toString()).isEqualTo(1);
        assertThat(storage.statements().countStartingWith("SELECT")).isEqualTo(1);
    }

    @Test
    void onlyTheChangedBeanIsWrittenAndNotTheSessionRowWhenNoTouchIsDue() {
        String id = units.run(null, () -> {
            basket.setFoo("bar");
            counter.increment();
        }).idToSend().orElseThrow();
        storage.statements().reset();

        units.run(id, () -> {
            basket.getFoo();
            counter.increment();
        });

        List<String> updates = storage.statements().statements().stream()
                .filter(sql -> sql.toUpperCase().startsWith("UPDATE")).toList();
        assertThat(updates).singleElement().matches(sql -> sql.contains("tether_bean"));
        assertThat(storage.statements().countStartingWith("SELECT")).isEqualTo(1);
    }

    @Test
    void aUnitThatTouchesNoBeanRunsNoStatement() {
        String id = units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();
        storage.statements().reset();

        var writeBack = units.run(id, () -> { });

        assertThat(storage.statements().count()).isZero();
        assertThat(writeBack.idToSend()).isEmpty();
    }

    @Test
    void aFreshBeanThatIsOnlyReadCreatesNoSession() throws SQLException {
        var writeBack = units.run(null, () -> { basket.getFoo(); });

        assertThat(writeBack.idToSend()).isEmpty();
        assertThat(storage.statements().countStartingWith("INSERT")).isZero();
        assertThat(sessionRows()).isZero();
    }

    @Test
    void anUnknownWellFormedIdGetsAFreshSessionUnderANewId() {
        String planted = SessionIds.generate();

        Units.Result<Boolean> result = units.run(planted, () -> {
            basket.setFoo("bar");
            return session.isNew();
        });

        assertThat(result.value()).isTrue();
        assertThat(result.sentId()).isNotEqualTo(planted);
        assertThat(units.run(planted, () -> basket.getFoo()).value()).isNull();
    }

    @Test
    void aMalformedIdGetsAFreshSessionWithoutAnyQuery() {
        var writeBack = units.run("../../../../foo", () -> { basket.getFoo(); });

        assertThat(storage.statements().count()).isZero();
        assertThat(writeBack.idToSend()).isEmpty();
    }

    @Test
    void preDestroyDoesNotRunAtTheEndOfAUnit() {
        int before = Basket.DESTROYED.get();

        units.run(null, () -> basket.setFoo("bar"));

        assertThat(Basket.DESTROYED.get()).isEqualTo(before);
    }

    @Test
    void aLoadedBeanGetsItsInjectedServicesAgain() {
        String id = units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();

        assertThat(units.run(id, () -> basket.greet()).value()).isEqualTo("hello bar");
    }

    @Test
    void postConstructRunsOnceWhenTheBeanIsCreatedNotWhenItIsLoaded() {
        int before = Basket.CONSTRUCTED.get();
        String id = units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();

        units.run(id, () -> basket.getFoo());

        assertThat(Basket.CONSTRUCTED.get()).isEqualTo(before + 1);
    }

    @Test
    void idOfANewSessionStoresItEvenWithoutChangedBeans() {
        Units.Result<String> result = units.run(null, () -> session.id());

        assertThat(result.sentId()).isEqualTo(result.value());
        assertThat(units.run(result.value(), () -> session.isNew()).value()).isFalse();
    }

    private long sessionRows() throws SQLException {
        try (Connection c = storage.uncounted().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM tether_session")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
