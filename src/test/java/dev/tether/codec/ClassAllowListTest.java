package dev.tether.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tether.codec.gadget.Box;

/** Class names as a serialization stream spells them, checked against the allow-list. */
class ClassAllowListTest {

    private final ClassAllowList allowList = ClassAllowList.of(List.of(Box.class), List.of());

    @Test
    void aOneCharacterClassNameIsRefused() {
        assertThat(allowList.allows("a")).isFalse();
        assertThat(allowList.allows("I")).isFalse();
        assertThat(allowList.allows("[La;")).isFalse();
    }

    @Test
    void arraysOfPrimitivesAreAllowed() {
        assertThat(allowList.allows("[I")).isTrue();
        assertThat(allowList.allows("[[B")).isTrue();
    }

    @Test
    void anArrayOfALetterThatIsNoPrimitiveIsRefused() {
        assertThat(allowList.allows("[a")).isFalse();
        assertThat(allowList.allows("[V")).isFalse();
    }

    @Test
    void theBeanClassAndItsArraysAreAllowed() {
        assertThat(allowList.allows(Box.class.getName())).isTrue();
        assertThat(allowList.allows("[L" + Box.class.getName() + ";")).isTrue();
    }
}
