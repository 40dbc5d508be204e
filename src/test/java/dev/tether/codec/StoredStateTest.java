package dev.tether.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.tether.ConfigKeys;

import dev.tether.fixtures.Basket;
import dev.tether.fixtures.Coin;
import dev.tether.fixtures.Preferences;
import dev.tether.fixtures.Wallet;
import dev.tether.support.CapturedLog;
import dev.tether.support.SystemSettings;
import dev.tether.support.TestStorage;
import dev.tether.support.TetherWeld;
import dev.tether.support.Units;
import dev.tether.support.db.RunsOnEveryDatabase;

/** Stored bytes that cannot be read never reach the user as an exception; JSON-B round-trips. */
@EnableWeld
@RunsOnEveryDatabase
class StoredStateTest {

    private static final String UNIT_LOG = "dev.tether.context.InstanceBuilder";

    /** Room for the megabyte state below; the defaults (256KB a bean) are SizeLimitsTest's subject. */
    @RegisterExtension
    static SystemSettings settings = new SystemSettings(Map.of(
            ConfigKeys.MAX_BEAN_BYTES, "2MB", ConfigKeys.MAX_SESSION_BYTES, "2MB"));

    @WeldSetup
    WeldInitiator weld = TetherWeld.withBeans();

    @Inject
    Units units;
    @Inject
    Basket basket;
    @Inject
    Preferences preferences;
    @Inject
    Wallet wallet;
    @Inject
    TestStorage storage;

    @Test
    void corruptedBytesGiveAFreshBeanAndOneWarning() throws SQLException {
        String id = units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();
        overwriteState(Basket.class.getName(), new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 1, 2, 3});

        try (CapturedLog log = CapturedLog.of(UNIT_LOG)) {
            String foo = units.run(id, () -> basket.getFoo()).value();

            assertThat(foo).isNull();
            assertThat(log.warnings()).hasSize(1).allMatch(w -> w.contains(Basket.class.getName()));
        }
    }

    @Test
    void aClassOutsideTheAllowListGivesAFreshBeanAndOneWarning() {
        String id = units.run(null, () -> wallet.setContent(new Coin(5))).idToSend().orElseThrow();

        try (CapturedLog log = CapturedLog.of(UNIT_LOG)) {
            Object content = units.run(id, () -> wallet.getContent()).value();

            assertThat(content).isNull();
            assertThat(log.warnings()).hasSize(1).allMatch(w -> w.contains(Coin.class.getName()));
        }
    }

    @Test
    void aFieldTypeDeclaredByTheBeanIsAllowedWithoutConfiguration() {
        String id = units.run(null, () -> wallet.setContent("a plain string")).idToSend().orElseThrow();

        assertThat(units.run(id, () -> wallet.getContent()).value()).isEqualTo("a plain string");
    }

    @Test
    void theSameDataRoundTripsWithTheJsonbCodec() throws SQLException {
        String id = units.run(null, () -> {
            preferences.setFoo("bar");
            preferences.getNames().addAll(List.of("tom", "dick", "harry"));
            preferences.setNumber(12);
        }).idToSend().orElseThrow();

        List<Object> values = units.run(id, () ->
                List.<Object>of(preferences.getFoo(), preferences.getNames(), preferences.getNumber())).value();

        assertThat(values).containsExactly("bar", List.of("tom", "dick", "harry"), 12);
        assertThat(codecOf(Preferences.class.getName())).isEqualTo("jsonb");
    }

    @Test
    void aStateOfAMegabyteRoundTrips() {
        List<String> names = IntStream.range(0, 20_000)
                .mapToObj(i -> String.format("%050d", i)).toList();
        String id = units.run(null, () -> { basket.getNames().addAll(names); }).idToSend().orElseThrow();

        assertThat(units.run(id, () -> basket.getNames()).value()).isEqualTo(names);
    }

    @Test
    void jsonCutShortInsideAnUnknownPropertyGivesAFreshBeanInsteadOfAHang() throws SQLException {
        String id = units.run(null, () -> preferences.setFoo("bar")).idToSend().orElseThrow();
        overwriteState(Preferences.class.getName(), "{\"removed\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        try (CapturedLog log = CapturedLog.of(UNIT_LOG)) {
            String foo = units.run(id, () -> preferences.getFoo()).value();

            assertThat(foo).isNull();
            assertThat(log.warnings()).hasSize(1).allMatch(w -> w.contains(Preferences.class.getName()));
        }
    }

    @Test
    void aJsonNullInsteadOfTheBeanGivesAFreshBean() throws SQLException {
        String id = units.run(null, () -> preferences.setFoo("bar")).idToSend().orElseThrow();
        overwriteState(Preferences.class.getName(), "null".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(units.run(id, () -> preferences.getFoo()).value()).isNull();
    }

    @Test
    void aSerializedNullInsteadOfTheBeanGivesAFreshBean() throws SQLException {
        String id = units.run(null, () -> basket.setFoo("bar")).idToSend().orElseThrow();
        overwriteState(Basket.class.getName(), new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x70});

        assertThat(units.run(id, () -> basket.getFoo()).value()).isNull();
    }

    @Test
    void aJsonbBeanWhoseRowSaysJavaIsNeverJavaDeserialized() throws Exception {
        String id = units.run(null, () -> preferences.setFoo("bar")).idToSend().orElseThrow();
        Preferences smuggled = new Preferences();
        smuggled.setFoo("smuggled");
        overwriteStateAndCodec(Preferences.class.getName(), javaSerialized(smuggled), JavaSerializationCodec.NAME);

        try (CapturedLog log = CapturedLog.of(UNIT_LOG)) {
            String foo = units.run(id, () -> preferences.getFoo()).value();

            assertThat(foo).isNull();
            assertThat(log.warnings()).singleElement().satisfies(w -> assertThat(w)
                    .contains(Preferences.class.getName()).contains("'java'").contains("'jsonb'"));
        }
    }

    private static byte[] javaSerialized(Object value) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private void overwriteStateAndCodec(String beanKey, byte[] state, String codec) throws SQLException {
        updateBean("UPDATE tether_bean SET state_bytes = ?, codec = ? WHERE bean_key = ?", state, codec, beanKey);
    }

    private void overwriteState(String beanKey, byte[] state) throws SQLException {
        updateBean("UPDATE tether_bean SET state_bytes = ? WHERE bean_key = ?", state, beanKey);
    }

    private void updateBean(String sql, Object... values) throws SQLException {
        try (Connection c = storage.uncounted().getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private String codecOf(String beanKey) throws SQLException {
        try (Connection c = storage.uncounted().getConnection();
             PreparedStatement query = c.prepareStatement("SELECT codec FROM tether_bean WHERE bean_key = ?")) {
            query.setString(1, beanKey);
            var rows = query.executeQuery();
            rows.next();
            return rows.getString(1);
        }
    }
}
