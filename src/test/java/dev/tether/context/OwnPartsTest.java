package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.tether.SessionStorage;
import dev.tether.fixtures.Counter;
import dev.tether.fixtures.own.CountingCodec;
import dev.tether.fixtures.own.CountingStore;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;

/** The store and the codecs are chosen through CDI: an application's {@code @SessionStorage} beans replace them. */
@EnableWeld
class OwnPartsTest {

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans(CountingStore.class, CountingCodec.class);

    @Inject
    Units units;
    @Inject
    Counter counter;
    @Inject
    @SessionStorage
    CountingStore store;
    @Inject
    @SessionStorage
    CountingCodec codec;
    @Inject
    TestStorage storage;

    @Test
    void theApplicationsStoreAndCodecAreUsedInsteadOfTethers() {
        String id = units.run(null, () -> counter.increment()).sentId();

        int value = units.run(id, () -> counter.increment()).value();

        assertThat(value).isEqualTo(2);
        assertThat(store.saves()).isEqualTo(2);
        assertThat(codec.decoded()).isEqualTo(1);
        assertThat(storage.statements().count()).isZero();
    }
}
