package dev.tether.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InvalidClassException;
import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tether.codec.gadget.GadgetAlarm;
import dev.tether.codec.gadget.GadgetStreams;
import dev.tether.codec.gadget.RecordingClassLoader;
import dev.tether.spi.UnreadableStateException;

/**
 * Hand-built hostile streams against the Java serialization codec: gadget classes are refused by name before
 * they are loaded, and streams built to exhaust memory are refused before they allocate.
 */
class GadgetStreamTest {

    /** Far below what any of the hostile streams would allocate if read naively (gigabytes). */
    private static final long BOUNDED_ALLOCATION = 16 * 1024 * 1024;

    private final RecordingClassLoader loader = new RecordingClassLoader();
    private final Class<?> box = loader.box();

    private JavaSerializationCodec codec(List<String> alsoAllowed) {
        return new JavaSerializationCodec(ClassAllowList.of(List.of(box), alsoAllowed), DeserializationLimits.DEFAULT);
    }

    private JavaSerializationCodec codec() {
        return codec(List.of());
    }

    @Test
    void aPriorityQueueWithAComparatorOutsideTheListIsRefusedWithoutLoadingTheComparator() {
        byte[] gadget = GadgetStreams.priorityQueueWithComparatorOutsideTheList();

        assertThatThrownBy(() -> codec().decode(gadget, box))
                .isInstanceOf(UnreadableStateException.class).hasMessageContaining("java.util.PriorityQueue");

        assertThat(loader.requested()).doesNotContain(RecordingClassLoader.TRIPWIRE, "java.util.PriorityQueue");
        assertThat(loader.loadedTripwire()).isFalse();
        assertThat(GadgetAlarm.wentOffIn(loader)).isFalse();
    }

    @Test
    void aHashMapWithAKeyOutsideTheListIsRefusedWithoutLoadingTheKeysClass() {
        byte[] gadget = GadgetStreams.hashMapWithKeyOutsideTheList();

        assertThatThrownBy(() -> codec().decode(gadget, box))
                .isInstanceOf(UnreadableStateException.class).hasMessageContaining(RecordingClassLoader.TRIPWIRE);

        assertThat(loader.requested()).contains("java.util.HashMap").doesNotContain(RecordingClassLoader.TRIPWIRE);
        assertThat(loader.loadedTripwire()).isFalse();
        assertThat(GadgetAlarm.wentOffIn(loader)).isFalse();
    }

    @Test
    void theSameGadgetWithItsClassAllowedIsLoadedAndInitialized() {
        byte[] gadget = GadgetStreams.hashMapWithKeyOutsideTheList();

        Object read = codec(List.of(RecordingClassLoader.TRIPWIRE)).decode(gadget, box);

        assertThat(read).isInstanceOf(box);
        assertThat(loader.loadedTripwire()).isTrue();
        assertThat(GadgetAlarm.wentOffIn(loader)).isTrue();
    }

    @Test
    void aMapOfAllowedTypesIsReadThroughTheBeansClassLoader() {
        Object read = codec().decode(GadgetStreams.hashMapWithAllowedKey(), box);

        assertThat(read).isInstanceOf(box);
        assertThat(loader.requested()).contains("java.util.HashMap");
    }

    @Test
    void anArrayDeclaringAHugeLengthIsRefusedBeforeItIsAllocated() {
        byte[] stream = GadgetStreams.arrayDeclaringAHugeLength();

        long allocated = allocatedBy(() -> assertThatThrownBy(() -> codec().decode(stream, long[].class))
                .isInstanceOf(UnreadableStateException.class).hasRootCauseInstanceOf(InvalidClassException.class)
                .hasMessageContaining("REJECTED"));

        assertThat(allocated).isLessThan(BOUNDED_ALLOCATION);
    }

    @Test
    void aHashMapDeclaringAHugeSizeIsRefusedBeforeItsTableIsAllocated() {
        byte[] stream = GadgetStreams.hashMapDeclaringAHugeSize();

        long allocated = allocatedBy(() -> assertThatThrownBy(() -> codec().decode(stream, box))
                .isInstanceOf(UnreadableStateException.class).hasMessageContaining("REJECTED"));

        assertThat(allocated).isLessThan(BOUNDED_ALLOCATION);
    }

    @Test
    void deeplyNestedCollectionsAreRefusedAtTheDepthLimit() {
        byte[] stream = GadgetStreams.deeplyNestedLists(500);

        long allocated = allocatedBy(() -> assertThatThrownBy(() -> codec().decode(stream, box))
                .isInstanceOf(UnreadableStateException.class).hasMessageContaining("REJECTED"));

        assertThat(allocated).isLessThan(BOUNDED_ALLOCATION);
    }

    @Test
    void exponentiallySharedHashSetsAreRefusedAtTheDepthLimit() {
        byte[] stream = GadgetStreams.exponentialHashSets(100);

        long allocated = allocatedBy(() -> assertThatThrownBy(() -> codec().decode(stream, box))
                .isInstanceOf(UnreadableStateException.class).hasMessageContaining("REJECTED"));

        assertThat(allocated).isLessThan(BOUNDED_ALLOCATION);
    }

    @Test
    void nestingWithinTheDepthLimitIsRead() {
        Object read = codec().decode(GadgetStreams.deeplyNestedLists(DeserializationLimits.DEFAULT.maxDepth() - 3), box);

        assertThat(read).isInstanceOf(box);
    }

    /** Bytes this thread allocated while running {@code work}: the JVM counts them, no clock is involved. */
    private static long allocatedBy(Runnable work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

}
