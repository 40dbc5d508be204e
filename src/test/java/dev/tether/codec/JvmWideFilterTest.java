package dev.tether.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tether.codec.gadget.Box;
import dev.tether.spi.UnreadableStateException;

/**
 * The operator's JVM-wide deserialization filter ({@code jdk.serialFilter}) still applies to Tether's streams.
 * The filter set here refuses only a class of this test, so the rest of the test JVM reads as before.
 */
class JvmWideFilterTest {

    /** A class Tether's own allow-list lets through (the test lists it) and the JVM-wide filter refuses. */
    static final class RefusedByTheOperator implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private static final String REFUSED = RefusedByTheOperator.class.getName();

    private final JavaSerializationCodec codec = new JavaSerializationCodec(
            ClassAllowList.of(List.of(Box.class), List.of(REFUSED)), DeserializationLimits.DEFAULT);

    @BeforeAll
    static void refuseOneClassForTheWholeJvm() {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter("!" + REFUSED));
        }
        assumeThat(ObjectInputFilter.Config.getSerialFilter().toString())
                .as("the JVM-wide filter this test set (another was set before it)").isEqualTo("!" + REFUSED);
    }

    @Test
    void aClassTheJvmWideFilterRefusesIsRefusedInSessionStateToo() {
        byte[] stored = codec.encode(new Box(new RefusedByTheOperator()));

        assertThatThrownBy(() -> codec.decode(stored, Box.class))
                .isInstanceOf(UnreadableStateException.class).hasMessageContaining("REJECTED");
    }

    @Test
    void whatTheJvmWideFilterLeavesUndecidedIsStillRead() {
        byte[] stored = codec.encode(new Box("a plain string"));

        assertThat(codec.decode(stored, Box.class).content()).isEqualTo("a plain string");
    }
}
