package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.fixtures.Counter;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/** A unit's one load: by the ID the client presented, by a stored key, or none at all. */
@EnableWeld
class SessionLoaderTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    SessionUnits units;
    @Inject
    Units run;
    @Inject
    Counter counter;
    @Inject
    TestStorage storage;

    @Test
    void noIdAndNoKeyLoadsNothingAndAsksTheDatabaseNothing() {
        units.runtime().store();
        long before = storage.statements().count();

        SessionLoader.Loaded loaded = new SessionLoader(units.runtime()).load(null, null, false);

        assertThat(loaded.session()).isNull();
        assertThat(loaded.lock()).isNull();
        assertThat(storage.statements().count()).isEqualTo(before);
    }

    @Test
    void anIdOfAStoredSessionLoadsItWithItsBeansInOneStatement() {
        String id = run.run(null, () -> counter.increment()).sentId();
        long before = storage.statements().count();

        SessionLoader.Loaded loaded = new SessionLoader(units.runtime()).load(id, null, false);

        assertThat(loaded.session().row().idHash()).isEqualTo(SessionIds.hash(id));
        assertThat(loaded.session().beans()).hasSize(1);
        assertThat(loaded.lock()).as("no serialize policy here").isNull();
        assertThat(storage.statements().count() - before).isEqualTo(1);
    }

    @Test
    void anUnknownIdLoadsNoSession() {
        SessionLoader.Loaded loaded = new SessionLoader(units.runtime()).load(SessionIds.generate(), null, false);

        assertThat(loaded.session()).isNull();
    }

    @Test
    void aStoredKeyLoadsThatSession() {
        String id = run.run(null, () -> counter.increment()).sentId();
        String pk = new SessionLoader(units.runtime()).load(id, null, false).session().row().pk();

        SessionLoader.Loaded loaded = new SessionLoader(units.runtime()).load(null, pk, false);

        assertThat(loaded.session().row().pk()).isEqualTo(pk);
    }
}
