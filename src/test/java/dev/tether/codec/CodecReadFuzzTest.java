package dev.tether.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.tether.codec.gadget.RecordingClassLoader;
import dev.tether.fixtures.Preferences;
import dev.tether.spi.UnreadableStateException;

/**
 * Fuzzes the read path of the codecs with stored bytes an attacker with write access to the bean table could
 * have left: whatever they are, reading gives the bean or an {@link UnreadableStateException} (the bean then
 * starts fresh), never another exception, an error, or the loading of the gadget class that the committed
 * gadget inputs name outside the allow-list. In the default build
 * these run once on the committed inputs (CodecReadFuzzTestInputs); with JAZZER_FUZZ=1 they are fuzzed.
 */
class CodecReadFuzzTest {

    private static final RecordingClassLoader LOADER = new RecordingClassLoader();
    private static final Class<?> BOX = LOADER.box();
    private static final ClassAllowList ALLOWED = ClassAllowList.of(List.of(BOX), List.of());
    private static final JavaSerializationCodec JAVA = new JavaSerializationCodec(ALLOWED, DeserializationLimits.DEFAULT);
    private static final JsonbCodec JSONB = new JsonbCodec();

    @FuzzTest(maxDuration = "5m")
    void javaSerializationReadsTheBeanOrRefusesCleanly(byte[] stored) {
        try {
            assertThat(JAVA.decode(stored, BOX)).isInstanceOf(BOX);
        } catch (UnreadableStateException refused) {
            // the bean starts fresh: the outcome the context expects
        }

        assertThat(LOADER.loadedTripwire()).as("the gadget class outside the allow-list was loaded").isFalse();
    }

    @FuzzTest(maxDuration = "5m")
    void jsonbReadsTheBeanOrRefusesCleanly(byte[] stored) {
        try {
            assertThat(JSONB.decode(stored, Preferences.class)).isNotNull();
        } catch (UnreadableStateException refused) {
            // the bean starts fresh
        }
    }
}
