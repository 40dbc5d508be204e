package dev.tether.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.tether.ConfigKeys;
import dev.tether.SessionLimitPolicy;

/** {@code tether.max-sessions-per-principal} and its policy: the default, and how a wrong value is reported. */
class SessionLimitSettingsTest {

    private static TetherSettings read(Map<String, String> values) {
        return TetherSettings.read(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void byDefaultAPrincipalMayHaveAnyNumberOfSessions() {
        assertThat(read(Map.of()).sessionLimit()).isEmpty();
        assertThat(read(Map.of(ConfigKeys.MAX_SESSIONS_PER_PRINCIPAL, "none")).sessionLimit()).isEmpty();
    }

    @Test
    void aLimitEndsTheOldestUnlessThePolicyRefuses() {
        assertThat(read(Map.of(ConfigKeys.MAX_SESSIONS_PER_PRINCIPAL, "3")).sessionLimit())
                .contains(new SessionLimit(3, SessionLimitPolicy.END_OLDEST));
        assertThat(read(Map.of(ConfigKeys.MAX_SESSIONS_PER_PRINCIPAL, "1", ConfigKeys.MAX_SESSIONS_POLICY, "refuse"))
                .sessionLimit()).contains(new SessionLimit(1, SessionLimitPolicy.REFUSE));
    }

    @Test
    void aLimitThatIsNoPositiveNumberNamesTheKey() {
        for (String wrong : new String[] {"0", "-1", "many"}) {
            assertThatThrownBy(() -> read(Map.of(ConfigKeys.MAX_SESSIONS_PER_PRINCIPAL, wrong)))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining(ConfigKeys.MAX_SESSIONS_PER_PRINCIPAL);
        }
    }

    @Test
    void anUnknownPolicyNamesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> read(Map.of(ConfigKeys.MAX_SESSIONS_PER_PRINCIPAL, "2",
                ConfigKeys.MAX_SESSIONS_POLICY, "newest")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(ConfigKeys.MAX_SESSIONS_POLICY)
                .hasMessageContaining("end-oldest").hasMessageContaining("refuse");
    }
}
