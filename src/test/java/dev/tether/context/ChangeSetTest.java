package dev.tether.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tether.spi.SessionChanges.BeanDelete;
import dev.tether.spi.SessionChanges.BeanWrite;

/** What a unit writes, as a pure function of what it loaded and what it holds now. */
class ChangeSetTest {

    private static final byte[] A = {1, 2, 3};
    private static final byte[] B = {1, 2, 4};

    @Test
    void aBeanThatEncodesAsItDidWhenLoadedIsNotWritten() {
        ChangeSet changes = ChangeSet.between(List.of(new ChangeSet.Encoded("cart", "java", A.clone(), A, 7, true)),
                Map.of(), key -> true);

        assertThat(changes.inserts()).isEmpty();
        assertThat(changes.updates()).isEmpty();
        assertThat(changes.deletes()).isEmpty();
        assertThat(changes.storesState()).isFalse();
    }

    @Test
    void aChangedStoredBeanIsAnUpdateAtTheVersionItWasRead() {
        ChangeSet changes = ChangeSet.between(List.of(new ChangeSet.Encoded("cart", "java", B, A, 7, true)),
                Map.of(), key -> true);

        assertThat(changes.updates()).singleElement().satisfies(write -> {
            assertThat(write.expectedVersion()).isEqualTo(7);
            assertThat(write.checkVersion()).isTrue();
            assertThat(write.state()).isEqualTo(B);
        });
        assertThat(changes.inserts()).isEmpty();
    }

    @Test
    void aChangedNewBeanIsAnInsert() {
        ChangeSet changes = ChangeSet.between(List.of(new ChangeSet.Encoded("cart", "java", B, A, 0, false)),
                Map.of(), key -> true);

        assertThat(changes.inserts()).extracting(BeanWrite::key).containsExactly("cart");
    }

    @Test
    void aBeanWithoutBaselineIsAlwaysWritten() {
        ChangeSet changes = ChangeSet.between(List.of(new ChangeSet.Encoded("cart", "java", A, null, 3, true)),
                Map.of(), key -> true);

        assertThat(changes.updates()).hasSize(1);
    }

    @Test
    void aDestroyedBeanIsADeleteAtTheVersionItWasRead() {
        ChangeSet changes = ChangeSet.between(List.of(), Map.of("cart", 4L), key -> true);

        assertThat(changes.deletes()).containsExactly(new BeanDelete("cart", 4, true));
    }

    @Test
    void lastWriteWinsBeansAreWrittenWithoutAVersionCheck() {
        ChangeSet changes = ChangeSet.between(List.of(new ChangeSet.Encoded("note", "java", B, A, 2, true)),
                Map.of("cart", 4L), key -> !key.equals("note") && !key.equals("cart"));

        assertThat(changes.updates()).singleElement().matches(write -> !write.checkVersion());
        assertThat(changes.deletes()).singleElement().matches(delete -> !delete.checkVersion());
    }
}
