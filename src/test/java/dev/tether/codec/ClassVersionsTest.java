package dev.tether.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import dev.tether.spi.UnreadableStateException;

/**
 * Java serialization between two versions of a bean class with the same {@code serialVersionUID}, as during a
 * rolling deploy. The versions are two classes here whose names differ in one character: the stored bytes of one
 * are read as the other once that character is changed in them.
 */
class ClassVersionsTest {

    @Test
    void aFieldTheReadingVersionLacksIsSkippedEvenWhenItsClassIsOutsideTheAllowList() {
        Version1 written = new Version1("Ada", new Address("Lyon"));

        Version2 read = codecFor(Version2.class).decode(asVersion2(codecFor(Version1.class).encode(written)),
                Version2.class);

        assertThat(read.name).isEqualTo("Ada");
        assertThat(read.contact).isNull();
    }

    @Test
    void aFieldTheReadingVersionHasStillNeedsItsClassOnTheAllowList() {
        byte[] written = codecFor(Version1.class).encode(new Version1("Ada", new Address("Lyon")));

        assertThatThrownBy(() -> new JavaSerializationCodec(ClassAllowList.of(List.of(), List.of(
                Version1.class.getName())), DeserializationLimits.DEFAULT).decode(written, Version1.class))
                .isInstanceOf(UnreadableStateException.class).hasMessageContaining(Address.class.getName())
                .hasMessageContaining("allow-list");
    }

    private static JavaSerializationCodec codecFor(Class<?> bean) {
        return new JavaSerializationCodec(ClassAllowList.of(List.of(bean), List.of()), DeserializationLimits.DEFAULT);
    }

    /** The same bytes, naming {@link Version2} wherever they named {@link Version1}. */
    private static byte[] asVersion2(byte[] stored) {
        byte[] from = Version1.class.getName().getBytes(StandardCharsets.UTF_8);
        byte[] to = Version2.class.getName().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = stored.clone();
        int replaced = 0;
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
                replaced++;
            }
        }
        assertThat(replaced).as("class names replaced").isEqualTo(1);
        return bytes;
    }

    /** The bean as version 1 has it: its second field holds a class that version 2 does not know. */
    static final class Version1 implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;
        final Address address;

        Version1(String name, Address address) {
            this.name = name;
            this.address = address;
        }
    }

    /** The bean as version 2 has it: {@code address} removed, {@code contact} added. */
    static final class Version2 implements Serializable {
        private static final long serialVersionUID = 1L;
        String name;
        Contact contact;
    }

    static final class Address implements Serializable {
        private static final long serialVersionUID = 1L;
        final String city;

        Address(String city) {
            this.city = city;
        }
    }

    static final class Contact implements Serializable {
        private static final long serialVersionUID = 1L;
        String email;
    }
}
